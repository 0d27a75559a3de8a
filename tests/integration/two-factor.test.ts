import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { startAuthSession } from "@/lib/auth/auth-sessions/start-auth-session";
import { updateSecuritySettings } from "@/lib/auth/auth-sessions/security-settings";
import { loadStaffActorForAuthSession } from "@/lib/auth/load-staff-actor";
import { beginStaffSignIn } from "@/lib/auth/two-factor/begin-staff-sign-in";
import { LOCK_AFTER_CODE_FAILURES, MAX_CODE_FAILURES_PER_SIGN_IN } from "@/lib/auth/two-factor/codes";
import { completeStaffSignIn } from "@/lib/auth/two-factor/complete-staff-sign-in";
import { enableTwoFactor } from "@/lib/auth/two-factor/enable-two-factor";
import { getTwoFactorStatus } from "@/lib/auth/two-factor/get-two-factor-status";
import { resetMemberTwoFactor } from "@/lib/auth/two-factor/reset-member-two-factor";
import { startTwoFactorSetup } from "@/lib/auth/two-factor/start-two-factor-setup";
import { turnOffTwoFactor } from "@/lib/auth/two-factor/turn-off-two-factor";
import { verifySignInCode } from "@/lib/auth/two-factor/verify-sign-in-code";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { resetRateLimits } from "@/lib/rate-limit";
import { createMember, createOrganisation, TEST_PASSWORD } from "../support/factories";
import { latestMessageTo } from "../support/outbox";

// The staff guard as a request sees it: the JWT's two ids (set per test) and the request headers.
const request = vi.hoisted(() => ({ token: null as null | { userId: string; authSessionId: string } }));
vi.mock("@/lib/auth/session-token", () => ({ readStaffSessionToken: async () => request.token }));
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-carebridge-path": "/sessions" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const BURST = 50;
const SECOND = 1000;
// A different address per call, so the per-IP limiter (which fails open anyway) leaves the Postgres caps to be tested.
const clientNo = (i: number) => ({ ip: `198.51.100.${i % 250}`, userAgent: "vitest" });

beforeAll(async () => {
  await getDb();
});
beforeEach(() => {
  resetRateLimits();
  request.token = null;
});

/** Turns two-factor on for the member through the real set-up, at `at`; returns the secret and recovery codes. */
async function withTwoFactor(member: StaffActor, at = new Date()) {
  const setup = await startTwoFactorSetup(member);
  if (setup.status !== "setting_up") throw new Error("expected a new set-up");
  const secret = setup.secret.replace(/\s/g, "");
  const { recoveryCodes } = await enableTwoFactor(member, { code: await codeAt(secret, at) }, at);
  return { secret, recoveryCodes };
}

function codeAt(secret: string, at: Date) {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** A right password waiting for its code, as beginStaffSignIn leaves it (made directly: argon2 fifty times proves nothing here). */
async function pendingSignIn(member: StaffActor, now = new Date()) {
  const ticket = newToken();
  const db = await getDb();
  await db.insert(s.staffPendingSignIns).values({
    ticketHash: hashToken(ticket),
    userId: member.userId,
    organisationId: member.organisationId,
    needsSecondFactor: true,
    expiresAt: new Date(now.getTime() + 10 * 60 * SECOND),
  });
  return ticket;
}

async function twoFactorRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(s.staffTwoFactor).where(eq(s.staffTwoFactor.userId, userId));
  return row;
}

async function actionsOf(userId: string) {
  const db = await getDb();
  return (await db.select().from(s.auditEvents).where(eq(s.auditEvents.actorId, userId))).map((e) => e.action);
}

const reasons = (results: { ok: boolean; reason?: string }[]) => results.map((r) => (r.ok ? "ok" : r.reason)).sort();
const counts = (list: (string | undefined)[]) => list.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k ?? "?"]: (acc[k ?? "?"] ?? 0) + 1 }), {});

describe("two-factor sign-in", () => {
  it("is set up with a first code: the secret is stored encrypted, the ten recovery codes only as hashes", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const setup = await startTwoFactorSetup(maya);
    if (setup.status !== "setting_up") throw new Error("expected a set-up");
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    // Reloading the page shows the same secret until it is confirmed.
    expect(await startTwoFactorSetup(maya)).toEqual(setup);
    const secret = setup.secret.replace(/\s/g, "");
    // No recovery codes exist yet: the message speaks of the app only.
    await expect(enableTwoFactor(maya, { code: "000000" === (await codeAt(secret, new Date())) ? "111111" : "000000" })).rejects.toMatchObject({ code: "wrong_setup_code" });
    expect((await getTwoFactorStatus(maya)).enabled).toBe(false);

    const { recoveryCodes } = await enableTwoFactor(maya, { code: await codeAt(secret, new Date()) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const row = await twoFactorRow(maya.userId);
    expect(row!.secretCiphertext).not.toContain(secret);
    const db = await getDb();
    const stored = await db.select().from(s.staffRecoveryCodes).where(eq(s.staffRecoveryCodes.userId, maya.userId));
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.map((r) => r.codeHash).join()).not.toContain(code.replace("-", ""));
    expect(await getTwoFactorStatus(maya)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await startTwoFactorSetup(maya)).toEqual({ status: "enabled" });
    expect(await actionsOf(maya.userId)).toEqual(expect.arrayContaining(["auth.second_factor_refused", "auth.two_factor_enabled"]));
  });

  it("a right password alone never yields an auth session; the code does, once", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const t0 = new Date();
    const { secret } = await withTwoFactor(maya, t0);

    const begun = await beginStaffSignIn({ email: maya.email, password: TEST_PASSWORD, client: clientNo(1) });
    if (!begun.ok) throw new Error("expected a right password");
    expect(begun.secondFactor).toBe(true);
    // Straight to Auth.js with the ticket: refused until the code is given.
    expect(await completeStaffSignIn({ ticket: begun.ticket, client: clientNo(1) })).toBeNull();
    expect(await actionsOf(maya.userId)).toContain("auth.password_accepted");
    expect(await actionsOf(maya.userId)).not.toContain("auth.signed_in");

    const later = new Date(t0.getTime() + 60 * SECOND);
    expect(await verifySignInCode({ ticket: begun.ticket, code: await codeAt(secret, later), client: clientNo(1), now: later })).toEqual({ ok: true });
    const [first, second] = await Promise.all([completeStaffSignIn({ ticket: begun.ticket, client: clientNo(1) }), completeStaffSignIn({ ticket: begun.ticket, client: clientNo(1) })]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const session = (first ?? second)!;
    expect((await loadStaffActorForAuthSession(session)).actor?.userId).toBe(maya.userId);
    expect(await actionsOf(maya.userId)).toEqual(expect.arrayContaining(["auth.second_factor_accepted", "auth.signed_in"]));

    // Someone without two-factor gets a ticket that works at once, and once.
    const leo = await createMember(org);
    const plain = await beginStaffSignIn({ email: leo.email, password: TEST_PASSWORD, client: clientNo(2) });
    if (!plain.ok) throw new Error("expected a right password");
    expect(plain.secondFactor).toBe(false);
    const redeemed = await Promise.all(Array.from({ length: BURST }, () => completeStaffSignIn({ ticket: plain.ticket, client: clientNo(2) })));
    expect(redeemed.filter(Boolean)).toHaveLength(1);
  });

  it("the same code is accepted once, even sent 50 times at once", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const t0 = new Date();
    const { secret } = await withTwoFactor(maya, t0);
    const later = new Date(t0.getTime() + 60 * SECOND);
    const code = await codeAt(secret, later);
    const tickets = await Promise.all(Array.from({ length: BURST }, () => pendingSignIn(maya)));
    const results = await Promise.all(tickets.map((ticket, i) => verifySignInCode({ ticket, code, client: clientNo(i), now: later })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The replays count as wrong codes, like any other: the account locks at the cap.
    expect((await twoFactorRow(maya.userId))!.failedCodes).toBe(LOCK_AFTER_CODE_FAILURES);
    // The code used at the set-up step no longer works either.
    const again = await pendingSignIn(maya);
    const db = await getDb();
    await db.update(s.staffTwoFactor).set({ failedCodes: 0, lockedUntil: null }).where(eq(s.staffTwoFactor.userId, maya.userId));
    // Refused and counted like any wrong code, but the person is told it was used before.
    expect(await verifySignInCode({ ticket: again, code: await codeAt(secret, t0), client: clientNo(1), now: t0 })).toMatchObject({ ok: false, reason: "wrong_code", alreadyUsed: true });
  });

  it("50 parallel wrong codes: exactly the caps are counted, then the sign-in ends and the account locks", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const t0 = new Date();
    const { secret } = await withTwoFactor(maya, t0);
    const now = new Date(t0.getTime() + 60 * SECOND);
    const wrong = (await codeAt(secret, now)) === "123456" ? "654321" : "123456";

    // One pending sign-in: 5 wrong codes, then it is over (the password again).
    const ticket = await pendingSignIn(maya);
    const one = await Promise.all(Array.from({ length: BURST }, (_, i) => verifySignInCode({ ticket, code: wrong, client: clientNo(i), now })));
    expect(counts(reasons(one))).toEqual({ wrong_code: MAX_CODE_FAILURES_PER_SIGN_IN - 1, too_many: BURST - MAX_CODE_FAILURES_PER_SIGN_IN + 1 });
    expect(one.filter((r) => !r.ok && r.reason === "wrong_code").map((r) => "alreadyUsed" in r && r.alreadyUsed)).toEqual(Array(MAX_CODE_FAILURES_PER_SIGN_IN - 1).fill(false));
    const db = await getDb();
    const [pending] = await db.select().from(s.staffPendingSignIns).where(eq(s.staffPendingSignIns.ticketHash, hashToken(ticket)));
    expect(pending!.codeFailures).toBe(MAX_CODE_FAILURES_PER_SIGN_IN);
    expect((await twoFactorRow(maya.userId))!.failedCodes).toBe(MAX_CODE_FAILURES_PER_SIGN_IN);
    // Even the right code now needs a new password step.
    expect(await verifySignInCode({ ticket, code: await codeAt(secret, now), client: clientNo(1), now })).toEqual({ ok: false, reason: "too_many" });

    // Across many pending sign-ins (a password known to an attacker): the account's cap holds.
    const tickets = await Promise.all(Array.from({ length: 12 }, () => pendingSignIn(maya)));
    const many = await Promise.all(Array.from({ length: BURST }, (_, i) => verifySignInCode({ ticket: tickets[i % tickets.length]!, code: wrong, client: clientNo(i), now })));
    const row = await twoFactorRow(maya.userId);
    expect(row!.failedCodes).toBe(LOCK_AFTER_CODE_FAILURES);
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(now.getTime());
    expect(reasons(many).filter((r) => r === "locked").length).toBeGreaterThan(BURST - LOCK_AFTER_CODE_FAILURES);
    const refused = (await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.actorId, maya.userId), eq(s.auditEvents.action, "auth.second_factor_refused")))).filter(
      (e) => e.metadata?.reason === "wrong_code",
    );
    expect(refused).toHaveLength(LOCK_AFTER_CODE_FAILURES);
    expect(await actionsOf(maya.userId)).toContain("auth.second_factor_locked");
    // Locked: the right code is refused too, until the lock ends.
    const fresh = await pendingSignIn(maya);
    expect(await verifySignInCode({ ticket: fresh, code: await codeAt(secret, now), client: clientNo(3), now })).toMatchObject({ ok: false, reason: "locked" });
    const afterLock = new Date(row!.lockedUntil!.getTime() + SECOND);
    expect(await verifySignInCode({ ticket: await pendingSignIn(maya, afterLock), code: await codeAt(secret, afterLock), client: clientNo(3), now: afterLock })).toEqual({ ok: true });
    expect((await twoFactorRow(maya.userId))!.failedCodes).toBe(0);
  });

  it("a recovery code signs in once, even sent 50 times at once", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const { recoveryCodes } = await withTwoFactor(maya);
    const [code] = recoveryCodes;
    const tickets = await Promise.all(Array.from({ length: BURST }, () => pendingSignIn(maya)));
    // Typed by hand: capitals and spaces are fine.
    const typed = ` ${code!.toUpperCase().replace("-", " ")} `;
    const results = await Promise.all(tickets.map((ticket, i) => verifySignInCode({ ticket, code: typed, client: clientNo(i) })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The others are told the code was used (and counted, up to the lock).
    const reused = results.filter((r) => !r.ok && r.reason === "wrong_code");
    expect(reused.length).toBeGreaterThan(0);
    expect(reused.every((r) => "alreadyUsed" in r && r.alreadyUsed)).toBe(true);
    expect((await getTwoFactorStatus(maya)).recoveryCodesLeft).toBe(9);
    const db = await getDb();
    const accepted = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.actorId, maya.userId), eq(s.auditEvents.action, "auth.second_factor_accepted")));
    expect(accepted.map((e) => e.metadata?.via)).toEqual(["recovery_code"]);
    // Another recovery code still works.
    await db.update(s.staffTwoFactor).set({ failedCodes: 0, lockedUntil: null }).where(eq(s.staffTwoFactor.userId, maya.userId));
    expect(await verifySignInCode({ ticket: await pendingSignIn(maya), code: recoveryCodes[1]!, client: clientNo(1) })).toEqual({ ok: true });
  });

  it("turning it off takes the password and a code, and is refused while the organisation requires it", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const t0 = new Date();
    const { secret } = await withTwoFactor(maya, t0);
    const later = new Date(t0.getTime() + 60 * SECOND);
    // The code just used to set it up, typed again within its minute.
    await expect(turnOffTwoFactor(maya, { password: TEST_PASSWORD, code: await codeAt(secret, t0) }, new Date(t0.getTime() + 5 * SECOND))).rejects.toMatchObject({ code: "code_already_used" });
    await expect(turnOffTwoFactor(maya, { password: "not-my-password", code: await codeAt(secret, later) }, later)).rejects.toMatchObject({ code: "wrong_password" });
    await expect(turnOffTwoFactor(maya, { password: TEST_PASSWORD, code: "12345" }, later)).rejects.toMatchObject({ code: "wrong_code" });
    const db = await getDb();
    await db.update(s.organisations).set({ requireTwoFactor: true }).where(eq(s.organisations.id, org.id));
    await expect(turnOffTwoFactor(maya, { password: TEST_PASSWORD, code: await codeAt(secret, later) }, later)).rejects.toMatchObject({ code: "two_factor_required" });
    await db.update(s.organisations).set({ requireTwoFactor: false }).where(eq(s.organisations.id, org.id));
    await turnOffTwoFactor(maya, { password: TEST_PASSWORD, code: await codeAt(secret, later) }, later);
    expect(await twoFactorRow(maya.userId)).toBeUndefined();
    expect(await actionsOf(maya.userId)).toContain("auth.two_factor_disabled");
    // The password alone now signs in again.
    const begun = await beginStaffSignIn({ email: maya.email, password: TEST_PASSWORD, client: clientNo(1) });
    expect(begun).toMatchObject({ ok: true, secondFactor: false });
  });

  it("required by the organisation: members without it can only set it up, in pages and in server actions", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const maya = await createMember(org);
    // The admin needs their own first, or they would shut themselves out.
    await expect(updateSecuritySettings(admin, { idleTimeoutMinutes: 30, requireTwoFactor: true })).rejects.toMatchObject({ code: "two_factor_needed_first" });
    await withTwoFactor(admin);
    await updateSecuritySettings(admin, { idleTimeoutMinutes: 30, requireTwoFactor: true });

    const token = { userId: maya.userId, authSessionId: await startAuthSession({ userId: maya.userId, organisationId: org.id, client: clientNo(1) }) };
    const found = await loadStaffActorForAuthSession(token);
    expect(found).toMatchObject({ actor: null, reason: "two_factor_setup" });
    // The admin (with two-factor) carries on as before.
    const adminToken = { userId: admin.userId, authSessionId: await startAuthSession({ userId: admin.userId, organisationId: org.id, client: clientNo(2) }) };
    expect((await loadStaffActorForAuthSession(adminToken)).actor?.userId).toBe(admin.userId);

    // Any other server action is refused before it runs, and says why; the page (and what was typed) stays.
    request.token = token;
    const { changePasswordAction } = await import("@/app/(app)/account/actions");
    const form = new FormData();
    form.set("currentPassword", TEST_PASSWORD);
    form.set("newPassword", "a-brand-new-passphrase");
    expect(await changePasswordAction({}, form)).toEqual({ error: "two_factor_setup_needed" });
    expect(await actionsOf(maya.userId)).not.toContain("auth.password_changed");
    const { getStaffOrThrow, requireStaff } = await import("@/lib/auth/staff-actor");
    await expect(getStaffOrThrow()).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(requireStaff()).rejects.toMatchObject({ digest: expect.stringContaining("/two-factor?callbackUrl=%2Fsessions") });

    // The set-up page's own action is open to them, and once it is on, everything is.
    const setup = await startTwoFactorSetup(found.actor === null && found.reason === "two_factor_setup" ? found.restricted : maya);
    if (setup.status !== "setting_up") throw new Error("expected a set-up");
    const { enableTwoFactorAction } = await import("@/app/(auth)/two-factor/actions");
    const confirm = new FormData();
    confirm.set("code", await codeAt(setup.secret.replace(/\s/g, ""), new Date()));
    const state = await enableTwoFactorAction({}, confirm);
    expect(state).toMatchObject({ ok: true });
    expect(state.recoveryCodes).toHaveLength(10);
    expect((await loadStaffActorForAuthSession(token)).actor?.userId).toBe(maya.userId);
  });

  it("an admin resets a member's second factor: audited, the member emailed, other organisations refused", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const maya = await createMember(org);
    const { secret } = await withTwoFactor(maya);
    const clinician = await createMember(org);
    await expect(resetMemberTwoFactor(clinician, { membershipId: maya.membershipId })).rejects.toMatchObject({ code: "forbidden" });
    const other = await createOrganisation();
    const otherAdmin = await createMember(other, { role: "admin" });
    await expect(resetMemberTwoFactor(otherAdmin, { membershipId: maya.membershipId })).rejects.toMatchObject({ code: "not_found" });

    expect(await resetMemberTwoFactor(admin, { membershipId: maya.membershipId })).toBe(true);
    expect(await twoFactorRow(maya.userId)).toBeUndefined();
    expect((await getTwoFactorStatus(maya)).recoveryCodesLeft).toBe(0);
    const db = await getDb();
    const [event] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.actorId, admin.userId), eq(s.auditEvents.action, "auth.two_factor_reset")));
    expect(event).toMatchObject({ organisationId: org.id, targetType: "membership", targetId: maya.membershipId });
    const email = await latestMessageTo(maya.email, "two-factor-reset");
    expect(email?.subject).toBe(`${org.name} reset two-factor sign-in on your account`);
    expect(email?.text).toContain(admin.name);
    // A pending sign-in from before the reset cannot be finished with the old app.
    const ticket = await pendingSignIn(maya);
    expect(await verifySignInCode({ ticket, code: await codeAt(secret, new Date()), client: clientNo(1) })).toEqual({ ok: false, reason: "expired" });
    // Nothing left to reset: no second email.
    expect(await resetMemberTwoFactor(admin, { membershipId: maya.membershipId })).toBe(false);
  });
});
