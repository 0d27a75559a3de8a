import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { loadStaffActor } from "@/lib/auth/load-staff-actor";
import { deleteTeam, getTeamDeletionImpact } from "@/lib/organisations/delete-team";
import { createSession } from "@/lib/sessions/create-session";
import { getSession } from "@/lib/sessions/get-session";
import { setSessionVisibility } from "@/lib/sessions/set-session-visibility";
import { shareSession } from "@/lib/sessions/share-session";
import { createMember, createOrganisation, createTeam } from "../support/factories";

/** Deleting a team: its members stay, its sessions become private, nobody gains access. */
describe("deleting a team", () => {
  let org: Awaited<ReturnType<typeof createOrganisation>>;
  let admin: StaffActor, maya: StaffActor, leo: StaffActor, nina: StaffActor, otherAdmin: StaffActor;
  let team: { id: string; name: string };
  let teamSession: string, privateSession: string;

  beforeAll(async () => {
    org = await createOrganisation("Harbour Teams Clinic");
    team = await createTeam(org.id, "Physiotherapy");
    admin = await createMember(org, { role: "admin", name: "Ava Morgan" });
    maya = await createMember(org, { name: "Dr Maya Patel", teamIds: [team.id] });
    leo = await createMember(org, { name: "Dr Leo Chen", teamIds: [team.id] });
    nina = await createMember(org, { name: "Dr Nina Okafor" });
    otherAdmin = await createMember(await createOrganisation("Elsewhere Clinic"), { role: "admin" });
    teamSession = (await createSession(maya, { title: "Team assessment", clientId: null, teamId: team.id, visibility: "team" })).sessionId;
    await shareSession(maya, { sessionId: teamSession, userIds: [nina.userId], access: "view" });
    // Once visible to the team, now private: it still names the team.
    privateSession = (await createSession(maya, { title: "Private notes", clientId: null, teamId: team.id, visibility: "team" })).sessionId;
    await setSessionVisibility(maya, { sessionId: privateSession, visibility: "private", teamId: team.id });
  });

  it("is told what it would change, is refused to non-admins and other clinics, and happens once under 50 parallel deletes", async () => {
    expect(await getTeamDeletionImpact(admin, team.id)).toEqual({ members: 2, teamSessions: 1 });
    expect((await getSession(leo, teamSession)).abilities.level).toBe("view");
    await expect(deleteTeam(maya, { teamId: team.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteTeam(otherAdmin, { teamId: team.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getTeamDeletionImpact(otherAdmin, team.id)).rejects.toMatchObject({ code: "not_found" });

    const results = await Promise.allSettled(Array.from({ length: 50 }, () => deleteTeam(admin, { teamId: team.id })));
    const done = results.filter((r) => r.status === "fulfilled");
    expect(done).toHaveLength(1);
    expect((done[0] as PromiseFulfilledResult<{ sessionsMadePrivate: number }>).value).toEqual({ sessionsMadePrivate: 1 });
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(49).fill("not_found"));

    const db = await getDb();
    expect(await db.select().from(s.teams).where(eq(s.teams.id, team.id))).toHaveLength(0);
    expect(await db.select().from(s.teamMembers).where(eq(s.teamMembers.teamId, team.id))).toHaveLength(0);
    const sessions = await db.select({ id: s.clinicalSessions.id, visibility: s.clinicalSessions.visibility, teamId: s.clinicalSessions.teamId }).from(s.clinicalSessions).where(eq(s.clinicalSessions.ownerId, maya.userId));
    expect(sessions.map((x) => ({ visibility: x.visibility, teamId: x.teamId }))).toEqual([
      { visibility: "private", teamId: null },
      { visibility: "private", teamId: null },
    ]);
    const [event] = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.action, "team.deleted"), eq(s.auditEvents.targetId, team.id)));
    expect(event!.metadata).toEqual({ name: "Physiotherapy", members: 2, sessionsMadePrivate: 1 });
    // The owner is told, once; nobody else.
    const told = await db.select().from(s.notifications).where(eq(s.notifications.kind, "team_deleted"));
    expect(told.map((n) => ({ userId: n.userId, text: n.text }))).toEqual([
      { userId: maya.userId, text: "Ava Morgan deleted the team Physiotherapy: 1 of your sessions that was visible to it is now private." },
    ]);
  });

  it("afterwards its members stay in the organisation and lose only what the team showed them; owners and direct shares keep theirs", async () => {
    const fresh = async (a: StaffActor) => (await loadStaffActor(a.userId, org.id))!;
    const leoNow = await fresh(leo);
    expect(leoNow.teamIds).toEqual([]);
    await expect(getSession(leoNow, teamSession)).rejects.toMatchObject({ code: "not_found" });
    expect((await getSession(await fresh(maya), teamSession)).abilities.level).toBe("owner");
    expect((await getSession(await fresh(nina), teamSession)).abilities.level).toBe("view");
  });
});
