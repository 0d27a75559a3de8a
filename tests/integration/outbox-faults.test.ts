import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { getDocument } from "@/lib/documents/get-document";
import { shareDocument } from "@/lib/documents/share-document";
import { AppError } from "@/lib/errors";
import { resendProvider } from "@/lib/mail/resend-provider";
import { queueEmail } from "@/lib/mail/queue-email";
import { deliverOutboxMessage } from "@/lib/outbox/deliver";
import { listUndeliveredMessages } from "@/lib/outbox/list-undelivered-messages";
import type { Providers } from "@/lib/outbox/providers";
import { retryMessage } from "@/lib/outbox/retry-message";
import { queueSms } from "@/lib/sms/queue-sms";
import { twilioProvider } from "@/lib/sms/twilio-provider";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing } from "../support/factories";
import { startFakeProvider, type FakeProvider } from "../support/fake-provider";

const HOUR = 3_600_000;
let fake: FakeProvider;
let providers: Providers;

beforeAll(async () => {
  fake = await startFakeProvider();
  vi.stubEnv("RESEND_API_KEY", "re_test");
  vi.stubEnv("RESEND_BASE_URL", fake.url);
  vi.stubEnv("TWILIO_ACCOUNT_SID", "AC_test");
  vi.stubEnv("TWILIO_AUTH_TOKEN", "secret");
  vi.stubEnv("TWILIO_FROM", "+15005550006");
  vi.stubEnv("TWILIO_API_URL", fake.url);
  // A hung provider is cut off after 3 s here (10 s by default).
  vi.stubEnv("OUTBOX_PROVIDER_TIMEOUT_MS", "3000");
  providers = { email: resendProvider(), sms: twilioProvider() };
  await getDb(); // the embedded database starts slowly on a busy machine: not inside a test's time

});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

afterEach(() => vi.restoreAllMocks());

async function row(id: string) {
  const db = await getDb();
  return (await db.select().from(s.outbox).where(eq(s.outbox.id, id)))[0]!;
}

const invitation = { clinicName: "Harbour Health Group", inviterName: "Ava Morgan", inviteeName: "Dr Rosa Diaz", roleName: "Clinician", setPasswordUrl: "https://carebridge.test/invitation/abc", expiresInHours: 24 };

async function queueInvitation(organisationId: string | null, to = "rosa@clinic.test") {
  const db = await getDb();
  return db.transaction((tx) => queueEmail(tx, { organisationId, to, template: "member-invitation", props: invitation }));
}

/** Runs attempts at each message's own next-attempt time (an injected clock) until it stops retrying. */
async function deliverUntilSettled(id: string, max = 200) {
  const times: Date[] = [];
  for (let i = 0; i < max; i++) {
    const r = await row(id);
    if (r.status !== "pending") return { row: r, times };
    // Postgres keeps microseconds, a Date milliseconds: one more makes the message due.
    const now = new Date(r.nextAttemptAt.getTime() + 1);
    times.push(now);
    await deliverOutboxMessage(id, { providers, now });
  }
  throw new Error("still retrying");
}

describe("delivery through a provider that fails, then hangs, then recovers", () => {
  it("email: retried past the failure and the timeout, delivered once, with one idempotency key", async () => {
    const id = await queueInvitation(null);
    fake.plan("fail", "hang", "ok");
    const before = fake.requests.length;
    const started = Date.now();
    const { row: settled } = await deliverUntilSettled(id);
    expect(settled).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
    expect(settled.providerMessageId).toMatch(/^re_/);
    const mine = fake.requests.slice(before);
    expect(mine.map((r) => r.behaviour)).toEqual(["fail", "hang", "ok"]);
    expect(new Set(mine.map((r) => r.key))).toEqual(new Set([`outbox/${id}`]));
    // The hung attempt reached the provider; the retry carried the same key, so it was sent once.
    expect([...fake.sent.keys()].filter((k) => k === `outbox/${id}`)).toHaveLength(1);
    // The hang cost about the timeout, not for ever (loose bound for a busy machine).
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("text: the same through Twilio's API", async () => {
    const db = await getDb();
    const id = await db.transaction((tx) => queueSms(tx, { organisationId: null, to: "+447700900999", template: "session-reminder", text: "See you tomorrow" }));
    fake.plan("fail", "hang", "ok");
    const before = fake.requests.length;
    const { row: settled } = await deliverUntilSettled(id);
    expect(settled).toMatchObject({ status: "delivered", attempts: 3, providerMessageId: expect.stringMatching(/^SM/) });
    expect(new Set(fake.requests.slice(before).map((r) => r.key))).toEqual(new Set([`outbox-${id}`]));
  });

  it("a timed-out attempt counts as failed and is retried later", async () => {
    const id = await queueInvitation(null);
    fake.plan("hang", "ok");
    expect(await deliverOutboxMessage(id, { providers })).toBe("retry");
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "timeout" });
  });
});

describe("giving up", () => {
  it("keeps retrying with capped backoff for 24 hours, then gives up: logged without personal data, listed for admins, shown on the share", async () => {
    const org = await createOrganisation("Outage Clinic");
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link" });
    const admin = await createMember(org, { role: "admin" });
    const sam = await createMember(org, { role: "medical_secretary" });
    const client = await createClient(org.id);
    const documentId = (await createDocument(org.id, { clientId: client.id, authorId: sam.userId })).id;
    const contact = await createContact(org.id, { email: "gp@outage.test" });
    const { shareId } = await shareDocument(sam, { documentId, contactId: contact.id, purpose: "continuing_care" });
    const db = await getDb();
    const [share] = await db.select().from(s.documentShares).where(eq(s.documentShares.id, shareId));
    const id = share!.linkEmailId!;
    const queued = await row(id);
    expect(queued).toMatchObject({ organisationId: org.id, template: "document-shared" });

    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    fake.plan("fail");
    const first = await deliverOutboxMessage(id, { providers, now: new Date(queued.createdAt.getTime() + 1) });
    expect(first).toBe("retry");
    expect((await getDocument(sam, documentId)).shares[0]!.linkEmail).toBe("retrying");

    const { row: gaveUp, times } = await deliverUntilSettled(id);
    expect(gaveUp.status).toBe("failed");
    expect(gaveUp.lastError).toBe("resend_503_application_error");
    // Retried for (almost) the whole day, never past it, at most an hour apart.
    const last = times.at(-1)!.getTime();
    expect(last).toBeGreaterThan(queued.createdAt.getTime() + 22 * HOUR);
    expect(last).toBeLessThan(queued.createdAt.getTime() + 24 * HOUR);
    const gaps = times.slice(1).map((t, i) => t.getTime() - times[i]!.getTime());
    expect(Math.max(...gaps)).toBeLessThanOrEqual(HOUR + 1000);
    expect(gaps[0]).toBeLessThan(5 * 60_000); // early retries are quick
    expect(gaveUp.attempts).toBeGreaterThan(20);

    // Logged once, as an error, with the id, kind and provider code, and nothing personal.
    const lines = errors.mock.calls.map((c) => c.join(" ")).filter((l) => l.includes("gave up"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(id);
    expect(lines[0]).toContain("document-shared");
    expect(lines[0]).toContain("resend_503_application_error");
    expect(lines[0]).not.toContain("gp@outage.test");
    expect(lines[0]).not.toContain(contact.name);

    // The sender sees it on the share; admins in Settings → Messages.
    expect((await getDocument(sam, documentId)).shares[0]!.linkEmail).toBe("not_delivered");
    const listed = await listUndeliveredMessages(admin, { page: 1, pageSize: 25 });
    expect(listed.items.map((m) => m.id)).toContain(id);
    expect(listed.items.find((m) => m.id === id)).toMatchObject({ kind: "document-shared", reason: "resend_503_application_error", to: "gp@outage.test", canRetry: true });

    // Not for non-admins, nor for another organisation's admin.
    await expect(listUndeliveredMessages(sam, { page: 1, pageSize: 25 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(retryMessage(sam, { messageId: id })).rejects.toMatchObject({ code: "forbidden" });
    const other = await createMember(await createOrganisation(), { role: "admin" });
    expect((await listUndeliveredMessages(other, { page: 1, pageSize: 25 })).items).toEqual([]);
    await expect(retryMessage(other, { messageId: id })).rejects.toBeInstanceOf(AppError);

    // Retry: back in the outbox with a fresh day, audited; the provider has recovered.
    await retryMessage(admin, { messageId: id });
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 0, failedAt: null });
    const audit = await db.select().from(s.auditEvents).where(eq(s.auditEvents.targetId, id));
    expect(audit).toMatchObject([{ action: "outbox.message_retried", actorId: admin.userId }]);
    fake.plan("ok");
    expect(await deliverOutboxMessage(id, { providers })).toBe("delivered");
    expect((await getDocument(sam, documentId)).shares[0]!.linkEmail).toBe("delivered");
    expect((await listUndeliveredMessages(admin, { page: 1, pageSize: 25 })).items).toEqual([]);
  });

  it("an access code text is retried for 10 minutes only, and cannot be retried by hand", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const db = await getDb();
    const id = await db.transaction((tx) => queueSms(tx, { organisationId: org.id, to: "+447700900998", template: "security-code", text: "123456 is your code" }));
    const queued = await row(id);
    expect(queued.retryUntil.getTime() - queued.createdAt.getTime()).toBeLessThanOrEqual(10 * 60_000 + 1000);
    vi.spyOn(console, "error").mockImplementation(() => {});
    fake.plan("fail");
    const { row: gaveUp, times } = await deliverUntilSettled(id);
    expect(gaveUp.status).toBe("failed");
    expect(times.at(-1)!.getTime()).toBeLessThan(queued.retryUntil.getTime());
    expect(times.length).toBeGreaterThanOrEqual(4);
    const listed = await listUndeliveredMessages(admin, { page: 1, pageSize: 25 });
    expect(listed.items).toMatchObject([{ id, kind: "security-code", canRetry: false }]);
    await expect(retryMessage(admin, { messageId: id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a message whose window passed before any attempt is given up, not sent late", async () => {
    const id = await queueInvitation(null);
    vi.spyOn(console, "error").mockImplementation(() => {});
    fake.plan("ok");
    const before = fake.requests.length;
    const r = await row(id);
    expect(await deliverOutboxMessage(id, { providers, now: new Date(r.retryUntil.getTime() + 1000) })).toBe("failed");
    expect(await row(id)).toMatchObject({ status: "failed", lastError: "expired" });
    expect(fake.requests.length).toBe(before);
  });
});
