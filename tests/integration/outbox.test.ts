import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { queueEmail } from "@/lib/mail/queue-email";
import { notify } from "@/lib/notifications/notify";
import { deliverDueMessages, deliverOutboxMessage } from "@/lib/outbox/deliver";
import type { OutboxMessage, Providers } from "@/lib/outbox/providers";
import { queueSms } from "@/lib/sms/queue-sms";
import { createMember, createOrganisation } from "../support/factories";

const invitation = {
  clinicName: "Harbour Health Group",
  inviterName: "Ava Morgan",
  inviteeName: "Dr Rosa Diaz",
  roleName: "Clinician",
  setPasswordUrl: "https://carebridge.test/invitation/abc",
  expiresInHours: 24,
};

async function queueOne(to = "rosa@clinic.test") {
  const db = await getDb();
  return db.transaction((tx) => queueEmail(tx, { organisationId: null, to, template: "member-invitation", props: invitation }));
}

async function row(id: string) {
  const db = await getDb();
  const [r] = await db.select().from(s.outbox).where(eq(s.outbox.id, id));
  return r!;
}

/** Makes a message due now, as if its backoff had passed. */
async function makeDue(id: string) {
  const db = await getDb();
  await db.update(s.outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(s.outbox.id, id));
}

describe("the transactional outbox", () => {
  it("keeps no message, and no notification, from a transaction that fails after queuing them", async () => {
    const org = await createOrganisation();
    const member = await createMember(org);
    const db = await getDb();
    const before = (await db.select().from(s.outbox)).length;
    await expect(
      db.transaction(async (tx) => {
        await queueEmail(tx, { organisationId: null, to: "gone@clinic.test", template: "member-invitation", props: invitation });
        await queueSms(tx, { organisationId: null, to: "+447700900123", template: "security-code", text: "123456 is your code" });
        await notify(tx, { userId: member.userId, organisationId: org.id, kind: "member_welcome", text: "Hello", link: "/" });
        throw new Error("the share failed after queuing");
      }),
    ).rejects.toThrow("the share failed");
    expect(await db.select().from(s.outbox)).toHaveLength(before);
    expect(await db.select().from(s.notifications).where(eq(s.notifications.userId, member.userId))).toEqual([]);
  });

  it("stores the rendered email (subject, HTML and plain text with the link) when the transaction commits", async () => {
    const message = await row(await queueOne());
    expect(message).toMatchObject({ channel: "email", template: "member-invitation", status: "pending", to: "rosa@clinic.test" });
    expect(message.subject).toBe("Ava Morgan invited you to Harbour Health Group on Carebridge");
    expect(message.html).toContain('href="https://carebridge.test/invitation/abc"');
    expect(message.text).toContain("https://carebridge.test/invitation/abc");
  });

  it("marks messages delivered locally when no provider is configured", async () => {
    const id = await queueOne();
    expect(await deliverOutboxMessage(id, { providers: { email: null, sms: null } })).toBe("delivered_locally");
    expect(await row(id)).toMatchObject({ status: "delivered_locally", attempts: 1 });
    expect((await row(id)).deliveredAt).toBeInstanceOf(Date);
  });

  it("retries a failed delivery with backoff; a refusal is kept as a short code, not the provider's text", async () => {
    const id = await queueOne();
    let calls = 0;
    const failing: Providers = {
      email: async () => {
        calls++;
        throw new Error("rosa@clinic.test is not a valid address");
      },
      sms: null,
    };
    expect(await deliverOutboxMessage(id, { providers: failing })).toBe("retry");
    const afterFirst = await row(id);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, lastError: "network_error" });
    expect(afterFirst.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000); // backing off, not due yet
    expect(await deliverOutboxMessage(id, { providers: failing })).toBe("skipped");
    await makeDue(id);
    expect(await deliverOutboxMessage(id, { providers: failing })).toBe("retry");
    expect(calls).toBe(2);
  });

  it("a retry that succeeds records the provider's id", async () => {
    const id = await queueOne();
    let fail = true;
    const flaky: Providers = {
      email: async () => {
        if (fail) {
          fail = false;
          throw new Error("timeout");
        }
        return { providerMessageId: "re_123" };
      },
      sms: null,
    };
    await deliverOutboxMessage(id, { providers: flaky });
    await makeDue(id);
    expect(await deliverOutboxMessage(id, { providers: flaky })).toBe("delivered");
    expect(await row(id)).toMatchObject({ status: "delivered", attempts: 2, providerMessageId: "re_123", lastError: null });
  });

  it("sends a message once when two deliveries race for it", async () => {
    const id = await queueOne();
    const sent: string[] = [];
    const slow: Providers = {
      email: async (message: OutboxMessage) => {
        sent.push(message.id);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { providerMessageId: `p-${message.id}` };
      },
      sms: null,
    };
    const outcomes = await Promise.all([1, 2, 3].map(() => deliverOutboxMessage(id, { providers: slow })));
    expect(outcomes.sort()).toEqual(["delivered", "skipped", "skipped"]);
    await deliverDueMessages({ providers: slow }); // a later batch does not send it again
    expect(sent.filter((sentId) => sentId === id)).toEqual([id]);
    expect(await row(id)).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("sends texts through the same path", async () => {
    const db = await getDb();
    const id = await db.transaction((tx) => queueSms(tx, { organisationId: null, to: "+447700900123", template: "security-code", text: "123456 is your code" }));
    const texts: string[] = [];
    await deliverOutboxMessage(id, { providers: { email: null, sms: async (m) => (texts.push(m.text), { providerMessageId: "SM1" }) } });
    expect(texts).toEqual(["123456 is your code"]);
    expect(await row(id)).toMatchObject({ channel: "sms", status: "delivered", providerMessageId: "SM1" });
  });
});
