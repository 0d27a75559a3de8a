import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { listMyOrganisations } from "@/lib/auth/auth-sessions/list-my-organisations";
import { listSignedInDevices } from "@/lib/auth/auth-sessions/list-signed-in-devices";
import { pickSignInOrganisation } from "@/lib/auth/auth-sessions/pick-sign-in-organisation";
import { resetMemberAuthSessions } from "@/lib/auth/auth-sessions/reset-member-auth-sessions";
import { securitySettingsInput, updateSecuritySettings } from "@/lib/auth/auth-sessions/security-settings";
import { signOutAuthSession } from "@/lib/auth/auth-sessions/sign-out-auth-session";
import { signOutDevice } from "@/lib/auth/auth-sessions/sign-out-device";
import { signOutEverywhere } from "@/lib/auth/auth-sessions/sign-out-everywhere";
import { startAuthSession } from "@/lib/auth/auth-sessions/start-auth-session";
import { switchOrganisation } from "@/lib/auth/auth-sessions/switch-organisation";
import { changePassword } from "@/lib/auth/change-password";
import { loadStaffActorForAuthSession } from "@/lib/auth/load-staff-actor";
import { removeMember } from "@/lib/organisations/remove-member";
import { createMember, createOrganisation, TEST_PASSWORD } from "../support/factories";

const client = { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" };
const MINUTE = 60_000;

/** A sign-in as the browser would hold it: the JWT's two ids. */
async function signIn(member: StaffActor, now?: Date) {
  const authSessionId = await startAuthSession({ userId: member.userId, organisationId: member.organisationId, client, now });
  return { userId: member.userId, authSessionId };
}

/** What requireStaff() would make of the copied cookie at its next request. */
async function nextRequest(token: { userId: string; authSessionId: string }, opts: { now?: Date; activity?: boolean } = {}) {
  return loadStaffActorForAuthSession({ ...token, ...opts });
}

async function actorOf(token: { userId: string; authSessionId: string }): Promise<StaffActor> {
  const found = await nextRequest(token);
  if (!found.actor) throw new Error(`expected a live sign-in, got ${found.reason}`);
  return found.actor;
}

async function auditActions(userId: string) {
  const db = await getDb();
  const rows = await db.select().from(s.auditEvents).where(eq(s.auditEvents.actorId, userId));
  return rows;
}

describe("staff auth sessions", () => {
  // Opening (and, on PGlite, migrating) the database is paid once here, under the hook timeout.
  beforeAll(async () => {
    await getDb();
  });

  it("a live sign-in gives the actor with its auth session, teams of that organisation only, in one lookup", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const token = await signIn(maya);
    const actor = await actorOf(token);
    expect(actor).toMatchObject({ userId: maya.userId, organisationId: org.id, membershipId: maya.membershipId, teamIds: [] });
    expect(actor.authSession).toMatchObject({ id: token.authSessionId, idleTimeoutMinutes: 30 });
    // A made-up or malformed id is simply signed out.
    expect(await nextRequest({ userId: maya.userId, authSessionId: "00000000-0000-4000-8000-000000000000" })).toEqual({ actor: null, reason: "signed_out" });
    expect(await nextRequest({ userId: maya.userId, authSessionId: "not-a-uuid" })).toEqual({ actor: null, reason: "signed_out" });
    // Another person's auth-session id does not work with someone else's user id.
    const leo = await createMember(org);
    expect((await nextRequest({ userId: leo.userId, authSessionId: token.authSessionId })).actor).toBeNull();
  });

  it("a copied token is refused after sign-out, and only that device is signed out", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const laptop = await signIn(maya);
    const phone = await signIn(maya);
    expect(await signOutAuthSession(laptop)).toBe(true);
    expect(await nextRequest(laptop)).toEqual({ actor: null, reason: "signed_out" });
    expect((await nextRequest(phone)).actor).not.toBeNull();
    // Signing out twice changes nothing and audits once.
    expect(await signOutAuthSession(laptop)).toBe(false);
    const events = (await auditActions(maya.userId)).filter((e) => e.action === "auth.signed_out");
    expect(events).toHaveLength(1);
    expect(events[0]!.organisationId).toBe(org.id);
  });

  it("a copied token is refused after a password change, on every device", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const laptop = await signIn(maya);
    const phone = await signIn(maya);
    const actor = await actorOf(laptop);
    await expect(changePassword(actor, { currentPassword: "not-my-password", newPassword: "a-brand-new-passphrase" })).rejects.toMatchObject({
      code: "wrong_password",
      details: { field: "currentPassword" },
    });
    // A common password is refused next to the new-password field, and nothing ends.
    await expect(changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "password12" })).rejects.toMatchObject({
      code: "password_too_common",
      details: { field: "newPassword" },
    });
    expect((await nextRequest(phone)).actor).not.toBeNull();
    await changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-passphrase" });
    expect((await nextRequest(laptop)).actor).toBeNull();
    expect((await nextRequest(phone)).actor).toBeNull();
    const actions = (await auditActions(maya.userId)).map((e) => [e.action, e.metadata?.reason]);
    expect(actions).toContainEqual(["auth.password_changed", undefined]);
    expect(actions).toContainEqual(["auth.sessions_revoked", "password_changed"]);
  });

  it("a copied token is refused after the member is removed; their sign-in in another organisation lives on", async () => {
    const org = await createOrganisation();
    const other = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const leaver = await createMember(org);
    const db = await getDb();
    await db.insert(s.memberships).values({ organisationId: other.id, userId: leaver.userId, roleId: other.roles.clinician });
    const here = await signIn(leaver);
    const there = await startAuthSession({ userId: leaver.userId, organisationId: other.id, client });
    await removeMember(admin, { membershipId: leaver.membershipId });
    // The sign-in page can still tell them their access ended.
    expect(await nextRequest(here)).toEqual({ actor: null, reason: "membership_ended" });
    const [row] = await db.select().from(s.staffAuthSessions).where(eq(s.staffAuthSessions.id, here.authSessionId));
    expect(row!.endedReason).toBe("member_removed");
    expect((await nextRequest({ userId: leaver.userId, authSessionId: there })).actor?.organisationId).toBe(other.id);
  });

  it("a sign-in whose membership ended another way is refused and ended at its next request", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const token = await signIn(maya);
    const db = await getDb();
    await db.update(s.memberships).set({ status: "left" }).where(eq(s.memberships.id, maya.membershipId));
    expect(await nextRequest(token)).toEqual({ actor: null, reason: "membership_ended" });
    expect(await nextRequest(token)).toEqual({ actor: null, reason: "membership_ended" });
    const db2 = await getDb();
    const [row] = await db2.select().from(s.staffAuthSessions).where(eq(s.staffAuthSessions.id, token.authSessionId));
    expect(row!.endedReason).toBe("membership_ended");
    expect((await auditActions(maya.userId)).filter((e) => e.action === "access.refused")).toHaveLength(1);
  });

  it("an admin's reset signs the member out of every device; an admin of another organisation cannot", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const maya = await createMember(org);
    const tokens = [await signIn(maya), await signIn(maya)];
    const stranger = await createMember(await createOrganisation(), { role: "admin" });
    await expect(resetMemberAuthSessions(stranger, { membershipId: maya.membershipId })).rejects.toMatchObject({ code: "not_found" });
    const clinician = await createMember(org);
    await expect(resetMemberAuthSessions(clinician, { membershipId: maya.membershipId })).rejects.toMatchObject({ code: "forbidden" });
    for (const t of tokens) expect((await nextRequest(t)).actor).not.toBeNull();

    expect(await resetMemberAuthSessions(admin, { membershipId: maya.membershipId })).toBe(2);
    for (const t of tokens) expect((await nextRequest(t)).actor).toBeNull();
    const events = (await auditActions(admin.userId)).filter((e) => e.action === "auth.sessions_revoked");
    expect(events).toHaveLength(1);
    expect(events[0]!.metadata).toMatchObject({ reason: "admin_reset", userId: maya.userId, count: 2 });
  });

  it("'Sign out of all devices' ends every sign-in of the person, and only theirs", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const leo = await createMember(org);
    const mine = [await signIn(maya), await signIn(maya), await signIn(maya)];
    const leos = await signIn(leo);
    expect(await signOutEverywhere(await actorOf(mine[0]!))).toBe(3);
    for (const t of mine) expect((await nextRequest(t)).actor).toBeNull();
    expect((await nextRequest(leos)).actor).not.toBeNull();
  });

  it("a person signs out one of their own devices, never someone else's", async () => {
    const org = await createOrganisation();
    const maya = await createMember(org);
    const leo = await createMember(org);
    const laptop = await signIn(maya);
    const phone = await signIn(maya);
    const leos = await signIn(leo);
    const actor = await actorOf(laptop);
    const devices = await listSignedInDevices(actor);
    expect(devices.map((d) => [d.id, d.current, d.device, d.ip])).toEqual(
      expect.arrayContaining([
        [laptop.authSessionId, true, "Chrome on macOS", client.ip],
        [phone.authSessionId, false, "Chrome on macOS", client.ip],
      ]),
    );
    expect(devices).toHaveLength(2);
    await signOutDevice(actor, { authSessionId: leos.authSessionId });
    expect((await nextRequest(leos)).actor).not.toBeNull();
    await signOutDevice(actor, { authSessionId: phone.authSessionId });
    expect((await nextRequest(phone)).actor).toBeNull();
    expect((await listSignedInDevices(actor)).map((d) => d.id)).toEqual([laptop.authSessionId]);
  });

  describe("idle timeout (automatic logoff) with an injected clock", () => {
    it("ends the sign-in exactly at the organisation's limit, audits it once, and says how long", async () => {
      const org = await createOrganisation();
      const admin = await createMember(org, { role: "admin" });
      await updateSecuritySettings(admin, { idleTimeoutMinutes: 5 });
      const maya = await createMember(org);
      const t0 = new Date("2026-03-02T09:00:00Z");
      const token = await signIn(maya, t0);
      // Background polling does not count as activity.
      expect((await nextRequest(token, { now: new Date(t0.getTime() + 3 * MINUTE), activity: false })).actor).not.toBeNull();
      expect((await nextRequest(token, { now: new Date(t0.getTime() + 5 * MINUTE - 1), activity: false })).actor).not.toBeNull();
      expect(await nextRequest(token, { now: new Date(t0.getTime() + 5 * MINUTE) })).toEqual({ actor: null, reason: "idle", idleMinutes: 5 });
      // Ended for good (a later request still hears why), and the event was written once.
      expect(await nextRequest(token, { now: new Date(t0.getTime() + 5 * MINUTE + 1) })).toEqual({ actor: null, reason: "idle", idleMinutes: 5 });
      const db = await getDb();
      const [row] = await db.select().from(s.staffAuthSessions).where(eq(s.staffAuthSessions.id, token.authSessionId));
      expect(row).toMatchObject({ endedReason: "idle_timeout", endedAt: new Date(t0.getTime() + 5 * MINUTE) });
      const idle = (await auditActions(maya.userId)).filter((e) => e.action === "auth.idle_timed_out");
      expect(idle).toHaveLength(1);
      expect(idle[0]!.metadata).toMatchObject({ idleMinutes: 5 });
    });

    it("50 parallel requests of one idle sign-in end it once and audit it once", async () => {
      const org = await createOrganisation();
      const maya = await createMember(org);
      const t0 = new Date("2026-03-02T09:00:00Z");
      const token = await signIn(maya, t0);
      const later = new Date(t0.getTime() + 31 * MINUTE);
      const results = await Promise.all(Array.from({ length: 50 }, () => nextRequest(token, { now: later })));
      expect(results.every((r) => r.actor === null && r.reason === "idle")).toBe(true);
      expect((await auditActions(maya.userId)).filter((e) => e.action === "auth.idle_timed_out")).toHaveLength(1);
    });

    it("a request counts as activity (written at most once a minute) and keeps the sign-in alive", async () => {
      const org = await createOrganisation();
      const admin = await createMember(org, { role: "admin" });
      await updateSecuritySettings(admin, { idleTimeoutMinutes: 5 });
      const maya = await createMember(org);
      const t0 = new Date("2026-03-02T09:00:00Z");
      const token = await signIn(maya, t0);
      const db = await getDb();
      const lastActive = async () => (await db.select().from(s.staffAuthSessions).where(eq(s.staffAuthSessions.id, token.authSessionId)))[0]!.lastActiveAt;
      await nextRequest(token, { now: new Date(t0.getTime() + 30_000) });
      expect(await lastActive()).toEqual(t0); // younger than a minute: not rewritten
      await nextRequest(token, { now: new Date(t0.getTime() + 4 * MINUTE) });
      expect(await lastActive()).toEqual(new Date(t0.getTime() + 4 * MINUTE));
      expect((await nextRequest(token, { now: new Date(t0.getTime() + 8 * MINUTE) })).actor).not.toBeNull();
      expect((await nextRequest(token, { now: new Date(t0.getTime() + 13 * MINUTE) })).actor).toBeNull();
    });

    it("an idle sign-in is not listed as a device", async () => {
      const org = await createOrganisation();
      const maya = await createMember(org);
      const now = new Date();
      const stale = await signIn(maya, new Date(now.getTime() - 31 * MINUTE));
      const fresh = await signIn(maya, now);
      const actor = await actorOf(fresh);
      expect((await listSignedInDevices(actor, { now })).map((d) => d.id)).toEqual([fresh.authSessionId]);
      expect((await nextRequest(stale, { now })).actor).toBeNull();
    });

    it("the setting is 5–480 whole minutes and each change is audited", async () => {
      expect(securitySettingsInput.safeParse({ idleTimeoutMinutes: "4" }).success).toBe(false);
      expect(securitySettingsInput.safeParse({ idleTimeoutMinutes: "481" }).success).toBe(false);
      expect(securitySettingsInput.safeParse({ idleTimeoutMinutes: "7.5" }).success).toBe(false);
      expect(securitySettingsInput.parse({ idleTimeoutMinutes: "480" })).toEqual({ idleTimeoutMinutes: 480 });
      const org = await createOrganisation();
      const admin = await createMember(org, { role: "admin" });
      const clinician = await createMember(org);
      await expect(updateSecuritySettings(clinician, { idleTimeoutMinutes: 10 })).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateSecuritySettings(admin, { idleTimeoutMinutes: 1 })).rejects.toThrow();
      await updateSecuritySettings(admin, { idleTimeoutMinutes: 10 });
      const events = (await auditActions(admin.userId)).filter((e) => e.action === "security.settings_changed");
      expect(events.map((e) => e.metadata)).toEqual([{ idleTimeoutMinutes: 10, previousIdleTimeoutMinutes: 30 }]);
    });
  });

  describe("organisation switcher", () => {
    it("moves the sign-in to another active membership, refuses any other organisation, and audits the switch", async () => {
      const harbour = await createOrganisation();
      const northside = await createOrganisation();
      const stranger = await createOrganisation();
      const former = await createOrganisation();
      const maya = await createMember(harbour);
      const db = await getDb();
      await db.insert(s.memberships).values([
        { organisationId: northside.id, userId: maya.userId, roleId: northside.roles.admin },
        { organisationId: former.id, userId: maya.userId, roleId: former.roles.admin, status: "left" },
      ]);
      const token = await signIn(maya);
      const actor = await actorOf(token);
      expect((await listMyOrganisations(actor)).map((o) => o.id).sort()).toEqual([harbour.id, northside.id].sort());

      for (const refused of [stranger.id, former.id, "00000000-0000-4000-8000-000000000000"]) {
        await expect(switchOrganisation(actor, { organisationId: refused })).rejects.toMatchObject({ code: "not_found" });
      }
      expect((await actorOf(token)).organisationId).toBe(harbour.id);

      await switchOrganisation(actor, { organisationId: northside.id });
      const moved = await actorOf(token);
      expect(moved).toMatchObject({ organisationId: northside.id, role: { builtIn: "admin" } });
      const [row] = await db.select().from(s.staffAuthSessions).where(eq(s.staffAuthSessions.id, token.authSessionId));
      expect(row!.organisationId).toBe(northside.id);
      const [event] = (await auditActions(maya.userId)).filter((e) => e.action === "auth.organisation_switched");
      expect(event).toMatchObject({ organisationId: northside.id, metadata: { fromOrganisationId: harbour.id } });

      // A signed-out sign-in cannot be moved.
      await signOutAuthSession(token);
      await expect(switchOrganisation(moved, { organisationId: harbour.id })).rejects.toMatchObject({ code: "unauthenticated" });
    });

    it("sign-in enters the most recently used active membership, else the most recently joined", async () => {
      const first = await createOrganisation();
      const second = await createOrganisation();
      const maya = await createMember(first);
      const db = await getDb();
      const [m2] = await db.insert(s.memberships).values({ organisationId: second.id, userId: maya.userId, roleId: second.roles.clinician }).returning();
      // Never used either: the newer membership (someone who just joined a clinic wants to see it).
      expect(await pickSignInOrganisation(db, maya.userId)).toBe(second.id);
      await startAuthSession({ userId: maya.userId, organisationId: first.id, client });
      expect(await pickSignInOrganisation(db, maya.userId)).toBe(first.id);
      await startAuthSession({ userId: maya.userId, organisationId: second.id, client });
      expect(await pickSignInOrganisation(db, maya.userId)).toBe(second.id);
      await db.update(s.memberships).set({ status: "left" }).where(eq(s.memberships.id, m2!.id));
      expect(await pickSignInOrganisation(db, maya.userId)).toBe(first.id);
    });
  });

  it("50 parallel sign-outs and revocations leave every row ended once, with one reason and one audit", async () => {
    const org = await createOrganisation();
    const admin = await createMember(org, { role: "admin" });
    const maya = await createMember(org);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => signIn(maya)));
    const actor = await actorOf(tokens[0]!);
    const ops = Array.from({ length: 50 }, (_, i) => {
      const t = tokens[i % tokens.length]!;
      switch (i % 5) {
        case 0:
          return signOutAuthSession(t);
        case 1:
          return signOutDevice(actor, { authSessionId: t.authSessionId });
        case 2:
          return signOutEverywhere(actor);
        case 3:
          return resetMemberAuthSessions(admin, { membershipId: maya.membershipId });
        default:
          return nextRequest(t);
      }
    });
    const results = await Promise.allSettled(ops);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const db = await getDb();
    const ids = tokens.map((t) => t.authSessionId);
    const rows = await db.select().from(s.staffAuthSessions).where(inArray(s.staffAuthSessions.id, ids));
    expect(rows.every((r) => r.endedAt !== null && r.endedReason !== null)).toBe(true);
    const events = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.organisationId, org.id), inArray(s.auditEvents.action, ["auth.signed_out", "auth.sessions_revoked"])));
    const audited = events.flatMap((e) => e.metadata!.authSessionIds as string[]);
    expect(audited.sort()).toEqual([...ids].sort());
    for (const t of tokens) expect((await nextRequest(t)).actor).toBeNull();
  });
});
