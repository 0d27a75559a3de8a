import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { changeShare } from "@/lib/documents/change-share";
import { shareDocument } from "@/lib/documents/share-document";
import { attemptsLeftText } from "@/lib/portal/attempts-text";
import { MAX_FAILURES_PER_CODE, MAX_FAILURES_PER_SHARE_PER_DAY } from "@/lib/portal/code";
import { getLanding } from "@/lib/portal/landing";
import { openShareLink } from "@/lib/portal/open-link";
import { sendShareCode } from "@/lib/portal/send-code";
import { verifyShareCode } from "@/lib/portal/verify-code";
import { resetRateLimits } from "@/lib/rate-limit";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

const req = { ip: "198.51.100.7", userAgent: "test" };
// The contact's mobile is stored as typed ("+44 7700 900123"); texts go to it in E.164.
const SMS_TO = "+447700900123";

async function share(id: string) {
  const db = await getDb();
  return (await db.select().from(s.documentShares).where(eq(s.documentShares.id, id)))[0]!;
}

async function failuresOf(id: string) {
  const db = await getDb();
  return (await db.select().from(s.shareVerifications).where(and(eq(s.shareVerifications.shareId, id), eq(s.shareVerifications.kind, "attempt"), eq(s.shareVerifications.success, false)))).length;
}

const codeIn = (text: string | null) => /\b(\d{6})\b/.exec(text ?? "")![1]!;
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("link and code", () => {
  let sam: StaffActor;
  let documentId: string;
  let contact: Awaited<ReturnType<typeof createContact>>;

  beforeAll(async () => {
    const org = await createOrganisation("Code Clinic");
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link_and_sms" });
    sam = await createMember(org, { role: "medical_secretary" });
    const client = await createClient(org.id);
    documentId = (await createDocument(org.id, { clientId: client.id, authorId: sam.userId })).id;
    contact = await createContact(org.id, { mobile: "+44 7700 900123" });
  });

  async function newShare() {
    resetRateLimits();
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    return { shareId, token };
  }

  it("View document alone does not open a link-and-code share; the SMS code does, once", async () => {
    const { shareId, token } = await newShare();
    expect(await openShareLink(token, req)).toEqual({ ok: false, reason: "code_required" });
    expect(await sendShareCode(token, req)).toEqual({ ok: true, channel: "sms", sentTo: "•••• ••• 123" });
    const sms = await latestMessageTo(SMS_TO, "security-code");
    const code = codeIn(sms!.text);
    expect(await getLanding(token)).toMatchObject({ state: "ready", codePending: true, codeChannel: "sms", maskedDestination: "•••• ••• 123" });
    expect(await verifyShareCode(token, wrongOf(code), req)).toMatchObject({ ok: false, reason: "wrong_code" });
    expect(await verifyShareCode(token, code, req)).toMatchObject({ ok: true, shareId });
    expect((await share(shareId)).firstOpenedAt).not.toBeNull();
    expect(await verifyShareCode(token, code, req)).toMatchObject({ ok: false, reason: "code_used" });
  });

  it("a new code kills the previous one", async () => {
    const { token } = await newShare();
    await sendShareCode(token, req);
    const first = codeIn((await latestMessageTo(SMS_TO, "security-code"))!.text);
    await sendShareCode(token, req);
    const second = codeIn((await latestMessageTo(SMS_TO, "security-code"))!.text);
    if (first !== second) expect(await verifyShareCode(token, first, req)).toMatchObject({ ok: false, reason: "wrong_code" });
    expect(await verifyShareCode(token, second, req)).toMatchObject({ ok: true });
  });

  it("a code expires after 10 minutes", async () => {
    const { token, shareId } = await newShare();
    await sendShareCode(token, req);
    const code = codeIn((await latestMessageTo(SMS_TO, "security-code"))!.text);
    const sentAt = (await share(shareId)).codeSentAt!;
    expect(await verifyShareCode(token, code, { ...req, now: new Date(sentAt.getTime() + 10 * 60_000 + 1000) })).toMatchObject({ ok: false, reason: "code_expired" });
  });

  it("5 wrong guesses use up a code; 10 wrong per day lock the share until the sender resends", async () => {
    const { token, shareId } = await newShare();
    await sendShareCode(token, req);
    const code = codeIn((await latestMessageTo(SMS_TO, "security-code"))!.text);
    for (let i = 0; i < 5; i++) await verifyShareCode(token, wrongOf(code), req);
    // The code is used up: even the right one is refused. Retyping it guesses nothing, so it does not
    // count toward the share's lock (a contact retyping a dead code must not lock their own link).
    for (let i = 0; i < 3; i++) expect(await verifyShareCode(token, code, req)).toEqual({ ok: false, reason: "too_many_for_code", attemptsLeft: 5 });
    expect(await failuresOf(shareId)).toBe(5);
    resetRateLimits();
    await sendShareCode(token, req);
    const next = codeIn((await latestMessageTo(SMS_TO, "security-code"))!.text);
    // Each refusal says how many attempts are left before the share locks (the form warns at 3 or fewer).
    const left: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await verifyShareCode(token, wrongOf(next), req);
      left.push(r.ok ? undefined : r.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect(attemptsLeftText(3)).toBe("You have 3 more tries before this link locks and the clinic has to send it again.");
    expect(attemptsLeftText(1)).toContain("1 more try before");
    expect(attemptsLeftText(4)).toBeNull();
    expect(await verifyShareCode(token, wrongOf(next), req)).toEqual({ ok: false, reason: "locked" });
    expect((await share(shareId)).lockedAt).not.toBeNull();
    // The sender is told at once, with the way to resend.
    const db = await getDb();
    const [locked] = await db.select().from(s.notifications).where(and(eq(s.notifications.kind, "share_locked"), eq(s.notifications.userId, sam.userId)));
    expect(locked).toMatchObject({ text: `${contact.name}'s link locked after too many incorrect codes — Resend`, link: expect.stringContaining(`?resend=${shareId}`) });
    expect(await verifyShareCode(token, next, req)).toEqual({ ok: false, reason: "locked" });
    expect(await getLanding(token)).toEqual({ state: "locked" });
    expect(await sendShareCode(token, req)).toMatchObject({ ok: false, reason: "locked" });

    await changeShare(sam, { shareId, change: "resend" });
    const fresh = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    expect(await getLanding(fresh)).toMatchObject({ state: "ready" });
    resetRateLimits();
    await sendShareCode(fresh, req);
    expect(await verifyShareCode(fresh, codeIn((await latestMessageTo(SMS_TO, "security-code"))!.text), req)).toMatchObject({ ok: true });
  });

  it("50 concurrent wrong codes never exceed the caps: 5 count against a code, 10 a day lock the share", async () => {
    const { token, shareId } = await newShare();
    await sendShareCode(token, req);
    const code = codeIn((await latestMessageTo(SMS_TO, "security-code"))!.text);
    const results = await Promise.all(Array.from({ length: 50 }, () => verifyShareCode(token, wrongOf(code), req)));
    expect(results.every((r) => !r.ok)).toBe(true);
    // The first 5 use the code up; the rest meet a dead code and count for nothing.
    expect(await failuresOf(shareId)).toBe(MAX_FAILURES_PER_CODE);
    expect((await share(shareId)).lockedAt).toBeNull();
    resetRateLimits();
    await sendShareCode(token, req);
    const second = codeIn((await latestMessageTo(SMS_TO, "security-code"))!.text);
    await Promise.all(Array.from({ length: 50 }, () => verifyShareCode(token, wrongOf(second), req)));
    expect(await failuresOf(shareId)).toBe(MAX_FAILURES_PER_SHARE_PER_DAY);
    expect((await share(shareId)).lockedAt).not.toBeNull();
    // Even the right code is refused now.
    expect(await verifyShareCode(token, second, req)).toEqual({ ok: false, reason: "locked" });
    expect(await failuresOf(shareId)).toBe(MAX_FAILURES_PER_SHARE_PER_DAY);
  });

  it("audits code sent, refused, accepted and lock with the contact and IP", async () => {
    const db = await getDb();
    const events = await db.select().from(s.auditEvents).where(eq(s.auditEvents.actorId, contact.id));
    const actions = new Set(events.map((e) => e.action));
    for (const a of ["portal.code_sent", "portal.code_refused", "portal.code_accepted", "portal.share_locked", "portal.link_opened"]) expect(actions.has(a as never), a).toBe(true);
    expect(events.every((e) => e.actorType === "contact" && e.ip === req.ip)).toBe(true);
  });
});
