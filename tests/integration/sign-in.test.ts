import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { LOCK_AFTER_FAILURES, verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { removeMember } from "@/lib/organisations/remove-member";
import { resetRateLimits } from "@/lib/rate-limit";
import { createMember, createOrganisation, TEST_PASSWORD } from "../support/factories";

const client = { ip: "203.0.113.7", userAgent: "vitest" };

describe("staff sign-in", () => {
  beforeEach(() => resetRateLimits());

  it("accepts the right password, case-insensitively by email, and audits it", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org, { email: "maya@clinic.test" });
    const result = await verifyStaffCredentials({ email: "Maya@Clinic.test", password: TEST_PASSWORD, client });
    expect(result).toEqual({ ok: true, userId: maya.userId, organisationId: org.id, secondFactor: false });
    const db = await getDb();
    const events = await db.select().from(s.auditEvents).where(eq(s.auditEvents.actorId, maya.userId));
    expect(events.map((e) => e.action)).toContain("auth.signed_in");
    expect(events.find((e) => e.action === "auth.signed_in")?.ip).toBe(client.ip);
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const org = await createOrganisation();
    await createMember(org, { email: "leo@clinic.test" });
    expect(await verifyStaffCredentials({ email: "leo@clinic.test", password: "wrong-password", client })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyStaffCredentials({ email: "nobody@clinic.test", password: "wrong-password", client })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a former member even with the right password, and says their access has ended", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const leaver = await createMember(org, { email: "leaver@clinic.test" });
    await removeMember(admin, { membershipId: leaver.membershipId });
    expect(await verifyStaffCredentials({ email: "leaver@clinic.test", password: TEST_PASSWORD, client })).toEqual({ ok: false, reason: "no_access" });
    // Without the right password a former member is told nothing more than anyone else.
    expect(await verifyStaffCredentials({ email: "leaver@clinic.test", password: "wrong-password", client })).toEqual({ ok: false, reason: "invalid" });
  });

  it("limits attempts per email and says when to retry", async () => {
    const org = await createOrganisation();
    await createMember(org, { email: "nina@clinic.test" });
    for (let i = 0; i < 5; i++) await verifyStaffCredentials({ email: "nina@clinic.test", password: "nope-nope", client: { ip: `198.51.100.${i}`, userAgent: null } });
    const limited = await verifyStaffCredentials({ email: "nina@clinic.test", password: TEST_PASSWORD, client: { ip: "198.51.100.99", userAgent: null } });
    expect(limited).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(limited.ok === false && limited.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("never throttles someone who keeps signing in successfully", async () => {
    const org = await createOrganisation();
    await createMember(org, { email: "busy@clinic.test" });
    for (let i = 0; i < 12; i++) {
      expect(await verifyStaffCredentials({ email: "busy@clinic.test", password: TEST_PASSWORD, client })).toMatchObject({ ok: true });
    }
  });

  it("counts failures in Postgres, atomically, and locks the account after the cap even when Redis would let requests through", async () => {
    const org = await createOrganisation();
    const sam = await createMember(org, { email: "sam@clinic.test" });
    // Concurrent wrong passwords (rate limits reset each round, as if Redis were failing open).
    const total = LOCK_AFTER_FAILURES + 2;
    for (let i = 0; i < total; i += 4) {
      resetRateLimits();
      const round = Math.min(4, total - i);
      await Promise.all(Array.from({ length: round }, () => verifyStaffCredentials({ email: "sam@clinic.test", password: "bad-password", client })));
    }
    const db = await getDb();
    const [user] = await db.select().from(s.users).where(eq(s.users.id, sam.userId));
    // The two attempts after the lock were refused before any password check, so they count nothing.
    expect(user!.failedSignIns).toBe(LOCK_AFTER_FAILURES);
    expect(user!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    resetRateLimits();
    expect(await verifyStaffCredentials({ email: "sam@clinic.test", password: TEST_PASSWORD, client })).toMatchObject({ ok: false, reason: "locked" });
  });
});
