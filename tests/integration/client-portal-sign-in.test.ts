import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { LOCK_AFTER_FAILURES } from "@/lib/auth/check-password-sign-in";
import { hashPassword } from "@/lib/auth/password";
import { verifyClientCredentials } from "@/lib/client-portal/verify-client-credentials";
import { resetRateLimits } from "@/lib/rate-limit";
import { createClient, createOrganisation } from "../support/factories";

const client = { ip: "198.51.100.20", userAgent: null };

async function portalLogin(email: string, password: string) {
  const org = await createOrganisation();
  const profile = await createClient(org.id, { firstName: "Jordan", lastName: "Lee" });
  const db = await getDb();
  const [account] = await db.insert(s.portalAccounts).values({ email, name: "Jordan Lee", passwordHash: await hashPassword(password) }).returning();
  await db.insert(s.portalAccountProfiles).values({ portalAccountId: account!.id, clientId: profile.id, status: "accepted", canManage: true });
  return account!;
}

describe("client portal sign-in", () => {
  beforeEach(() => resetRateLimits());

  it("never throttles a client who keeps signing in successfully, with a typo among them", async () => {
    await portalLogin("jordan@example.test", "jordan-password");
    for (let i = 0; i < 8; i++) {
      if (i === 3) expect(await verifyClientCredentials({ email: "jordan@example.test", password: "typo-password", client })).toMatchObject({ ok: false, reason: "invalid" });
      expect(await verifyClientCredentials({ email: "jordan@example.test", password: "jordan-password", client })).toMatchObject({ ok: true });
    }
  });

  it("locks the login after repeated wrong passwords, counted in Postgres, even when the limiters let requests through", async () => {
    const account = await portalLogin("amelia@example.test", "amelia-password");
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      resetRateLimits();
      await verifyClientCredentials({ email: "amelia@example.test", password: "wrong-password", client });
    }
    resetRateLimits();
    expect(await verifyClientCredentials({ email: "amelia@example.test", password: "amelia-password", client })).toMatchObject({ ok: false, reason: "locked" });
    const db = await getDb();
    const [row] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(row!.failedSignIns).toBe(LOCK_AFTER_FAILURES);
  });

  it("refuses a login whose every profile was revoked, saying so only after the right password", async () => {
    const account = await portalLogin("oliver@example.test", "oliver-password");
    const db = await getDb();
    await db.update(s.portalAccountProfiles).set({ status: "revoked" }).where(eq(s.portalAccountProfiles.portalAccountId, account.id));
    expect(await verifyClientCredentials({ email: "oliver@example.test", password: "oliver-password", client })).toEqual({ ok: false, reason: "no_access" });
    expect(await verifyClientCredentials({ email: "oliver@example.test", password: "not-olivers", client })).toEqual({ ok: false, reason: "invalid" });
  });
});
