import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { changeShare } from "@/lib/documents/change-share";
import { shareDocument } from "@/lib/documents/share-document";
import { CODE_TEXTS_PER_SHARE } from "@/lib/portal/code-text-caps";
import { MAX_FAILURES_PER_SHARE_PER_DAY } from "@/lib/portal/code";
import { getLanding } from "@/lib/portal/landing";
import { openShareLink } from "@/lib/portal/open-link";
import { sendShareCode } from "@/lib/portal/send-code";
import { verifyShareCode } from "@/lib/portal/verify-code";
import { resetRateLimits } from "@/lib/rate-limit";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

const req = { ip: "198.51.100.8", userAgent: "test" };
const MIN = 60_000;
const codeIn = (text: string | null) => /\b(\d{6})\b/.exec(text ?? "")![1]!;
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function shareRow(id: string) {
  const db = await getDb();
  return (await db.select().from(s.documentShares).where(eq(s.documentShares.id, id)))[0]!;
}

async function codeEmailsTo(email: string) {
  const db = await getDb();
  return db.select().from(s.outbox).where(and(eq(s.outbox.to, email), eq(s.outbox.template, "security-code-email")));
}

describe("link + code by email", () => {
  let sam: StaffActor;
  let orgId: string;
  let documentId: string;

  beforeAll(async () => {
    const org = await createOrganisation("Email Code Clinic");
    orgId = org.id;
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link_and_email_code" });
    sam = await createMember(org, { role: "medical_secretary" });
    const client = await createClient(org.id);
    documentId = (await createDocument(org.id, { clientId: client.id, authorId: sam.userId })).id;
  });

  async function newShare(opts: { mobile?: string | null } = {}) {
    resetRateLimits();
    const contact = await createContact(orgId, { mobile: opts.mobile ?? null });
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "referral" });
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    return { shareId, token, email: contact.email! };
  }

  it("the link alone does not open it; a code emailed to the contact's address does, once, for 10 minutes", async () => {
    const { shareId, token, email } = await newShare();
    expect((await shareRow(shareId)).securityLevel).toBe("link_and_email_code");
    expect(await openShareLink(token, req)).toEqual({ ok: false, reason: "code_required" });
    const masked = `${email[0]}•••${email.slice(email.indexOf("@"))}`;
    expect(await getLanding(token)).toMatchObject({ state: "ready", codeChannel: "email", maskedDestination: masked, codePending: false });
    const t0 = new Date();
    expect(await sendShareCode(token, { ...req, now: t0 })).toEqual({ ok: true, channel: "email", sentTo: masked });
    const message = await latestMessageTo(email, "security-code-email");
    // Nothing clinical travels with the code, and no SMS is sent.
    expect(message!.subject).toBe("Your code to view a document from Email Code Clinic");
    const code = codeIn(message!.text);
    expect(await verifyShareCode(token, code, { ...req, now: new Date(t0.getTime() + 10 * MIN) })).toMatchObject({ ok: false, reason: "code_expired" });
    expect(await verifyShareCode(token, wrongOf(code), { ...req, now: t0 })).toMatchObject({ ok: false, reason: "wrong_code" });
    expect(await verifyShareCode(token, code, { ...req, now: new Date(t0.getTime() + 9 * MIN) })).toMatchObject({ ok: true, shareId });
    expect(await verifyShareCode(token, code, { ...req, now: new Date(t0.getTime() + 9 * MIN) })).toMatchObject({ ok: false, reason: "code_used" });
  });

  it("a new code kills the previous one (same derivation as the texted code)", async () => {
    const { token, email } = await newShare();
    await sendShareCode(token, req);
    const first = codeIn((await latestMessageTo(email, "security-code-email"))!.text);
    await sendShareCode(token, req);
    const second = codeIn((await latestMessageTo(email, "security-code-email"))!.text);
    expect(await verifyShareCode(token, first, req)).toMatchObject({ ok: false });
    expect(await verifyShareCode(token, second, req)).toMatchObject({ ok: true });
  });

  it("50 parallel requests for a code send 3 emails; the rest are refused with a wait", async () => {
    const { shareId, token, email } = await newShare();
    const results = await Promise.all(Array.from({ length: 50 }, () => sendShareCode(token, req)));
    expect(results.filter((r) => r.ok)).toHaveLength(CODE_TEXTS_PER_SHARE);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await codeEmailsTo(email)).toHaveLength(CODE_TEXTS_PER_SHARE);
    const db = await getDb();
    expect(await db.select().from(s.shareVerifications).where(and(eq(s.shareVerifications.shareId, shareId), eq(s.shareVerifications.kind, "code_sent")))).toHaveLength(CODE_TEXTS_PER_SHARE);
  });

  it("50 parallel wrong codes never exceed the daily cap; the share locks", async () => {
    const { shareId, token, email } = await newShare();
    // Two codes, 50 wrong tries at each: 5 count against each code, and the tenth locks the share.
    let code = "";
    for (let round = 0; round < 2; round++) {
      resetRateLimits();
      await sendShareCode(token, req);
      code = codeIn((await latestMessageTo(email, "security-code-email"))!.text);
      const results = await Promise.all(Array.from({ length: 50 }, () => verifyShareCode(token, wrongOf(code), req)));
      expect(results.every((r) => !r.ok)).toBe(true);
    }
    const db = await getDb();
    const refused = await db.select().from(s.shareVerifications).where(and(eq(s.shareVerifications.shareId, shareId), eq(s.shareVerifications.kind, "attempt")));
    expect(refused).toHaveLength(MAX_FAILURES_PER_SHARE_PER_DAY);
    expect((await shareRow(shareId)).lockedAt).not.toBeNull();
    // Locked: even the right code no longer opens it.
    expect(await verifyShareCode(token, code, req)).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("fallback: the clinic asks for a texted code and the contact has no mobile", () => {
  let sam: StaffActor;
  let orgId: string;
  let documentId: string;

  beforeAll(async () => {
    const org = await createOrganisation("Fallback Clinic");
    orgId = org.id;
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link_and_sms" });
    sam = await createMember(org, { role: "medical_secretary" });
    const client = await createClient(org.id);
    documentId = (await createDocument(org.id, { clientId: client.id, authorId: sam.userId })).id;
  });

  it("is refused unless the sender chooses the email code, which is stored on the share and audited", async () => {
    const contact = await createContact(orgId, { mobile: null });
    await expect(shareDocument(sam, { documentId, contactId: contact.id, purpose: "referral" })).rejects.toMatchObject({ code: "no_contact_mobile" });
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "referral", codeByEmail: true });
    expect((await shareRow(shareId)).securityLevel).toBe("link_and_email_code");
    const db = await getDb();
    const [event] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, shareId), eq(s.auditEvents.action, "document.shared")));
    expect(event!.metadata).toMatchObject({ securityLevel: "link_and_email_code", codeFallback: "email" });
    // The contact gets the code by email and gets in.
    const token = tokenFromLink((await latestMessageTo(contact.email!, "document-shared"))!.link);
    expect(await sendShareCode(token, req)).toMatchObject({ ok: true, channel: "email" });
    const code = codeIn((await latestMessageTo(contact.email!, "security-code-email"))!.text);
    expect(await verifyShareCode(token, code, req)).toMatchObject({ ok: true, shareId });
    // Resend keeps the email code while the contact still has no mobile.
    await changeShare(sam, { shareId, change: "resend" });
    expect((await shareRow(shareId)).securityLevel).toBe("link_and_email_code");
  });

  it("a contact with a mobile gets the text whatever was asked", async () => {
    const contact = await createContact(orgId, { mobile: "+44 7700 900555" });
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "referral", codeByEmail: true });
    expect((await shareRow(shareId)).securityLevel).toBe("link_and_sms");
  });
});
