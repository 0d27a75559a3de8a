import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { shareDocument } from "@/lib/documents/share-document";
import { CODE_TEXTS_PER_CONTACT_PER_DAY, CODE_TEXTS_PER_SHARE } from "@/lib/portal/code-text-caps";
import { sendShareCode } from "@/lib/portal/send-code";
import { resetRateLimits } from "@/lib/rate-limit";
import { resetRateLimitBackend } from "@/lib/rate-limit/backend";
import { createClient, createContact, createDocument, createMember, createOrganisation, setSharing, TEST_PASSWORD } from "../support/factories";
import { latestMessageTo, tokenFromLink } from "../support/outbox";

const req = { ip: "198.51.100.20", userAgent: "test" };
const MIN = 60_000;

/** Redis frozen: accepts connections, never answers. */
let frozen: Server;
const sockets = new Set<Socket>();

beforeAll(async () => {
  frozen = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => frozen.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("UPSTASH_REDIS_REST_URL", "");
  vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "");
  vi.spyOn(console, "error").mockImplementation(() => {});
  await getDb(); // the embedded database starts slowly on a busy machine: not inside a test's time
  // Load the Redis clients up front too: the timings below are about Redis, not module loading.
  await Promise.all([import("ioredis"), import("@upstash/ratelimit")]);
});

afterAll(async () => {
  await resetRateLimitBackend();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => frozen.close(() => resolve()));
});

async function useRedis(kind: "stopped" | "frozen") {
  await resetRateLimitBackend();
  resetRateLimits();
  if (kind === "frozen") {
    vi.stubEnv("REDIS_URL", `redis://127.0.0.1:${(frozen.address() as AddressInfo).port}`);
    return;
  }
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  vi.stubEnv("REDIS_URL", `redis://127.0.0.1:${port}`);
}

describe("code texts are capped in Postgres, with Redis down", () => {
  let sam: StaffActor;
  let documentId: string;
  let orgId: string;

  beforeAll(async () => {
    const org = await createOrganisation("Caps Clinic");
    orgId = org.id;
    await setSharing(org.id, { sharingEnabled: true, securityLevel: "link_and_sms" });
    sam = await createMember(org, { role: "medical_secretary" });
    const client = await createClient(org.id);
    documentId = (await createDocument(org.id, { clientId: client.id, authorId: sam.userId })).id;
  });

  async function newShare(contactId: string, email: string) {
    const { shareId } = await shareDocument(sam, { documentId, contactId, purpose: "continuing_care" });
    return { shareId, token: tokenFromLink((await latestMessageTo(email, "document-shared"))!.link) };
  }

  async function textsTo(mobile: string) {
    const db = await getDb();
    return db.select().from(s.outbox).where(and(eq(s.outbox.to, mobile), eq(s.outbox.template, "security-code")));
  }

  it.each(["stopped", "frozen"] as const)("Redis %s: 50 parallel requests for one share text 3 codes, and the 4th is refused with a wait", async (kind) => {
    await useRedis(kind);
    const mobile = kind === "stopped" ? "+44 7700 900201" : "+44 7700 900202";
    const contact = await createContact(orgId, { mobile });
    const { shareId, token } = await newShare(contact.id, contact.email!);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 50 }, () => sendShareCode(token, req)));
    expect(performance.now() - started).toBeLessThan(30_000); // nothing waits on Redis
    expect(results.filter((r) => r.ok)).toHaveLength(CODE_TEXTS_PER_SHARE);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(50 - CODE_TEXTS_PER_SHARE);
    for (const r of refused) {
      expect(r).toMatchObject({ ok: false, reason: "rate_limited" });
      expect(r.ok ? 0 : r.retryAfterSeconds).toBeGreaterThan(0);
      expect(r.ok ? 0 : r.retryAfterSeconds).toBeLessThanOrEqual(600);
    }
    expect(await textsTo(mobile.replace(/ /g, ""))).toHaveLength(CODE_TEXTS_PER_SHARE);
    const db = await getDb();
    expect(await db.select().from(s.shareVerifications).where(and(eq(s.shareVerifications.shareId, shareId), eq(s.shareVerifications.kind, "code_sent")))).toHaveLength(CODE_TEXTS_PER_SHARE);
    const audits = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.targetId, shareId), eq(s.auditEvents.action, "portal.code_send_refused")));
    expect(audits).toHaveLength(50 - CODE_TEXTS_PER_SHARE);
  });

  it("the share's window slides: after 10 minutes another code may be texted", async () => {
    await useRedis("stopped");
    const contact = await createContact(orgId, { mobile: "+44 7700 900203" });
    const { token } = await newShare(contact.id, contact.email!);
    const t0 = new Date();
    for (let i = 0; i < CODE_TEXTS_PER_SHARE; i++) expect(await sendShareCode(token, { ...req, now: t0 })).toMatchObject({ ok: true });
    expect(await sendShareCode(token, { ...req, now: new Date(t0.getTime() + 9 * MIN) })).toMatchObject({ ok: false, reason: "rate_limited", retryAfterSeconds: 60 });
    expect(await sendShareCode(token, { ...req, now: new Date(t0.getTime() + 10 * MIN + 1000) })).toMatchObject({ ok: true });
  });

  it("one contact gets at most 10 code texts a day across all its shares, even in parallel", async () => {
    await useRedis("frozen");
    const mobile = "+44 7700 900204";
    const contact = await createContact(orgId, { mobile });
    const shares = [];
    for (let i = 0; i < 5; i++) shares.push(await newShare(contact.id, contact.email!));
    // 5 shares × 10 parallel requests: up to 15 would pass the per-share cap.
    const results = await Promise.all(shares.flatMap(({ token }) => Array.from({ length: 10 }, () => sendShareCode(token, req))));
    expect(results.filter((r) => r.ok)).toHaveLength(CODE_TEXTS_PER_CONTACT_PER_DAY);
    expect(await textsTo(mobile.replace(/ /g, ""))).toHaveLength(CODE_TEXTS_PER_CONTACT_PER_DAY);
    // Still refused an hour later (a day's cap), not after 10 minutes.
    const later = await sendShareCode(shares[4]!.token, { ...req, now: new Date(Date.now() + 60 * MIN) });
    expect(later).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(later.ok ? 0 : later.retryAfterSeconds!).toBeGreaterThan(20 * 3600);
  });
});

describe("sign-in with Redis down", () => {
  it.each(["stopped", "frozen"] as const)("Redis %s: a correct sign-in succeeds and a wrong one is refused, each quickly", async (kind) => {
    const org = await createOrganisation();
    await createMember(org, { email: `fast-${kind}@clinic.test` });
    const client = { ip: "203.0.113.50", userAgent: "vitest" };
    // Baseline with in-memory limits, then the same with Redis down.
    vi.stubEnv("REDIS_URL", "");
    await resetRateLimitBackend();
    await verifyStaffCredentials({ email: `fast-${kind}@clinic.test`, password: TEST_PASSWORD, client });
    let t = performance.now();
    await verifyStaffCredentials({ email: `fast-${kind}@clinic.test`, password: TEST_PASSWORD, client });
    const baseline = performance.now() - t;

    await useRedis(kind);
    t = performance.now();
    expect(await verifyStaffCredentials({ email: `fast-${kind}@clinic.test`, password: TEST_PASSWORD, client })).toMatchObject({ ok: true });
    const down = performance.now() - t;
    // Issue: "≤ 1 s extra"; the bound is loose for a busy machine.
    expect(down - baseline).toBeLessThan(2_000);
    t = performance.now();
    expect(await verifyStaffCredentials({ email: `fast-${kind}@clinic.test`, password: "wrong-password", client })).toMatchObject({ ok: false });
    expect(performance.now() - t).toBeLessThan(2_000 + baseline);
  });
});
