import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import { LOCK_AFTER_FAILURES } from "@/lib/auth/check-password-sign-in";
import { hashPassword } from "@/lib/auth/password";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { verifyClientCredentials } from "@/lib/client-portal/verify-client-credentials";
import { RATE_LIMITS, resetRateLimits } from "@/lib/rate-limit";
import { createClient, createMember, createOrganisation, TEST_PASSWORD } from "../support/factories";

// The real argon2 runs; the spies only count how often a password (or the decoy) is checked.
const checks = vi.hoisted(() => ({ password: 0, decoy: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      checks.password++;
      return real.verifyPassword(hash, password);
    },
    verifyDecoy: async (password: string) => {
      checks.decoy++;
      return real.verifyDecoy(password);
    },
  };
});

// A limiter that lets everything through (the Postgres cap must hold on its own, whatever Redis does).
const limiters = vi.hoisted(() => ({ failOpen: false }));
vi.mock("@/lib/rate-limit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/rate-limit")>();
  return {
    ...real,
    rateLimit: async (name: Parameters<typeof real.rateLimit>[0], key: string) =>
      limiters.failOpen ? { success: true, limit: 0, remaining: 0, reset: 0, retryAfterSeconds: 0 } : real.rateLimit(name, key),
  };
});

const BURST = 50;
/** Limiters that let every request through (as a failed-open Redis would), leaving Postgres's lock alone. */
function limitersFailOpen() {
  limiters.failOpen = true;
}

afterEach(() => {
  limiters.failOpen = false;
});

// Opening (and, on PGlite, migrating) the database is not part of any test's time budget.
beforeAll(async () => {
  await getDb();
});

// Bursts of argon2 on a shared 2-core machine: generous, since nothing here depends on timing.
const BURST_TIMEOUT = 180_000;

beforeEach(() => {
  resetRateLimits();
  checks.password = 0;
  checks.decoy = 0;
});

type Verify = (input: { email: string; password: string; client: { ip: string | null; userAgent: string | null } }) => Promise<{ ok: boolean; reason?: string }>;

interface Audience {
  name: string;
  verify: Verify;
  emailCap: number;
  /** Makes an account that may sign in with `password`; returns how to read its failure count and lock. */
  account: (email: string, password: string) => Promise<() => Promise<{ failedSignIns: number; lockedUntil: Date | null }>>;
}

const audiences: Audience[] = [
  {
    name: "staff",
    verify: verifyStaffCredentials as Verify,
    emailCap: RATE_LIMITS.signInEmail.limit,
    account: async (email) => {
      const member = await createMember(await createOrganisation(), { email });
      const db = await getDb();
      return async () => (await db.select().from(s.users).where(eq(s.users.id, member.userId)))[0]!;
    },
  },
  {
    name: "client portal",
    verify: verifyClientCredentials as Verify,
    emailCap: RATE_LIMITS.clientSignInEmail.limit,
    account: async (email, password) => {
      const org = await createOrganisation();
      const profile = await createClient(org.id);
      const db = await getDb();
      const [row] = await db.insert(s.portalAccounts).values({ email, name: "Jordan Lee", passwordHash: await hashPassword(password) }).returning();
      await db.insert(s.portalAccountProfiles).values({ portalAccountId: row!.id, clientId: profile.id, status: "accepted", canManage: true });
      return async () => (await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, row!.id)))[0]!;
    },
  },
];

const burst = (verify: Verify, email: string, password: string, ip: (i: number) => string) =>
  Promise.all(Array.from({ length: BURST }, (_, i) => verify({ email, password, client: { ip: ip(i), userAgent: "vitest" } })));

for (const audience of audiences) {
  describe(`${audience.name} sign-in under ${BURST} parallel attempts`, () => {
    const password = audience.name === "staff" ? TEST_PASSWORD : "jordan-client-password";

    it("checks no more passwords than the per-email limit allows, and refuses the right one after", async () => {
      const email = `burst-${audience.name.replace(" ", "-")}@example.test`;
      const account = await audience.account(email, password);
      const results = await burst(audience.verify, email, "wrong-password", (i) => `198.51.100.${i}`);
      expect(checks.password).toBe(audience.emailCap);
      expect(results.filter((r) => r.reason === "invalid")).toHaveLength(audience.emailCap);
      expect(results.filter((r) => r.reason === "rate_limited")).toHaveLength(BURST - audience.emailCap);
      expect((await account()).failedSignIns).toBe(audience.emailCap);
      expect(await audience.verify({ email, password, client: { ip: "198.51.100.200", userAgent: null } })).toMatchObject({ ok: false, reason: "rate_limited" });
      expect(checks.password).toBe(audience.emailCap);
    }, BURST_TIMEOUT);

    it("locks the account in Postgres after exactly the cap of password checks when the limiters fail open, and keeps it locked for the right password", async () => {
      const email = `lock-${audience.name.replace(" ", "-")}@example.test`;
      const account = await audience.account(email, password);
      limitersFailOpen();
      const results = await burst(audience.verify, email, "wrong-password", () => "203.0.113.7");
      expect(checks.password).toBe(LOCK_AFTER_FAILURES);
      expect(results.filter((r) => r.reason === "invalid")).toHaveLength(LOCK_AFTER_FAILURES);
      expect(results.filter((r) => r.reason === "locked")).toHaveLength(BURST - LOCK_AFTER_FAILURES);
      const row = await account();
      expect(row.failedSignIns).toBe(LOCK_AFTER_FAILURES);
      expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

      expect(await audience.verify({ email, password, client: { ip: "203.0.113.8", userAgent: null } })).toMatchObject({ ok: false, reason: "locked" });
      // A burst of right passwords changes nothing either: none is even checked.
      const right = await burst(audience.verify, email, password, () => "203.0.113.9");
      expect(right.every((r) => r.ok === false && r.reason === "locked")).toBe(true);
      expect(checks.password).toBe(LOCK_AFTER_FAILURES);
      expect((await account()).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    }, BURST_TIMEOUT);

    it("still signs in with the right password whose own reservation reaches the cap, and clears the count", async () => {
      const email = `edge-${audience.name.replace(" ", "-")}@example.test`;
      const account = await audience.account(email, password);
      const db = await getDb();
      const table = audience.name === "staff" ? s.users : s.portalAccounts;
      await db.update(table).set({ failedSignIns: LOCK_AFTER_FAILURES - 1 }).where(eq(table.email, email));
      expect(await audience.verify({ email, password, client: { ip: "192.0.2.1", userAgent: null } })).toMatchObject({ ok: true });
      expect(await account()).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    });

    it("gives an unknown email a decoy check per attempt, limited per email like a real one", async () => {
      const results = await burst(audience.verify, `nobody-${audience.name.replace(" ", "-")}@example.test`, "whatever-password", (i) => `192.0.2.${i}`);
      expect(checks.password).toBe(0);
      expect(checks.decoy).toBe(audience.emailCap);
      expect(results.filter((r) => r.reason === "invalid")).toHaveLength(audience.emailCap);
      expect(results.filter((r) => r.reason === "rate_limited")).toHaveLength(BURST - audience.emailCap);
    }, BURST_TIMEOUT);
  });
}
