import type { Metadata } from "next";
import { recordMetadata } from "@/lib/records/record-metadata";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { getMember, listRoles, listTeams } from "@/lib/organisations/queries";
import { getSessionHandover } from "@/lib/sessions/transfer-sessions";
import { InvitationForms } from "./invitation-forms";
import { MemberRoleForm, MemberTeamsForm, RemoveMemberForm, ResetSignInsForm, ResetTwoFactorForm } from "./member-forms";
import { getMemberTwoFactorStatus } from "@/lib/auth/two-factor/get-two-factor-status";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";

export async function generateMetadata({ params }: { params: Promise<{ membershipId: string }> }): Promise<Metadata> {
  return recordMetadata("membership", (await params).membershipId);
}

export default async function MemberPage({ params, searchParams }: { params: Promise<{ membershipId: string }>; searchParams: Promise<{ invited?: string; resent?: string; revoked?: string }> }) {
  const actor = await requireStaffWith("settings:edit");
  const membershipId = idOrNotFound((await params).membershipId);
  // One flash at a time, from the action that brought the admin here.
  const { invited, resent, revoked } = await searchParams;
  const member = await orNotFound(getMember(actor, membershipId), ["not_found"]);
  const [roles, teams, handover, twoFactor] = await Promise.all([
    listRoles(actor),
    listTeams(actor),
    getSessionHandover(actor, membershipId),
    getMemberTwoFactorStatus(actor, membershipId),
  ]);
  const isSelf = member.userId === actor.userId;
  const active = member.status !== "left";

  return (
    <div className="max-w-2xl space-y-6">
      <ButtonLink href="/settings/members" variant="ghost" size="sm">
        ← All members
      </ButtonLink>
      {resent && member.status === "invited" ? (
        <Alert tone="success">A new invitation was sent to {member.email}. The previous link no longer works.</Alert>
      ) : revoked && member.status === "left" ? (
        <Alert tone="success">The invitation was revoked. The link in their email no longer works.</Alert>
      ) : invited && member.status === "invited" ? (
        <Alert tone="success">Invitation sent to {member.email}. They can sign in once they have set their password.</Alert>
      ) : null}
      <div>
        <h2 className="text-xl font-semibold text-slate-900">{member.name}</h2>
        <p className="text-sm text-slate-600">
          {member.email} ·{" "}
          {member.status === "active" ? <Badge tone="success">Active</Badge> : member.status === "invited" ? <Badge tone="info">Invited</Badge> : <Badge>Not a member</Badge>}
        </p>
      </div>
      {member.status === "invited" && (
        <Card>
          <CardHeader
            title="Invitation"
            description="The invitation link works once and expires 24 hours after it was sent. Resending sends a new link and stops the old one."
          />
          <CardBody>
            <InvitationForms membershipId={member.membershipId} name={member.name} />
          </CardBody>
        </Card>
      )}
      {active ? (
        <>
          <Card>
            <CardHeader title="Role" description="The role sets what this person may see and change in each area." />
            <CardBody>
              <MemberRoleForm
                membershipId={member.membershipId}
                roleId={member.roleId}
                roles={roles.map((r) => ({ id: r.id, name: r.name, opensSessions: r.sessions !== "none" }))}
                name={member.name}
                ownedSessions={handover.ownedSessions}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Teams" description="Team members can see the sessions a colleague makes visible to the team." />
            <CardBody>
              <MemberTeamsForm
                membershipId={member.membershipId}
                teams={teams.map((t) => ({ id: t.id, name: t.name }))}
                memberTeamIds={member.teams.map((t) => t.id)}
              />
            </CardBody>
          </Card>
          {member.status === "active" && (
            <Card>
              <CardHeader
                title="Signed-in devices"
                description="For a lost or shared device: ends every sign-in of this person at once. Their access is unchanged; they sign in again with their password."
              />
              <CardBody>
                <ResetSignInsForm membershipId={member.membershipId} name={member.name} isSelf={isSelf} />
              </CardBody>
            </Card>
          )}
          {member.status === "active" && (
            <Card>
              <CardHeader
                title="Two-factor sign-in"
                description={
                  twoFactor.enabled
                    ? `On. If ${member.name} has lost their phone and their recovery codes, reset it so they can set it up again.`
                    : `Off. ${twoFactor.requiredByOrganisation ? "Your organisation requires it: they set it up at their next sign-in." : "They sign in with their password only."}`
                }
              />
              {twoFactor.enabled && (
                <CardBody>
                  <ResetTwoFactorForm membershipId={member.membershipId} name={member.name} required={twoFactor.requiredByOrganisation} />
                </CardBody>
              )}
            </Card>
          )}
          {member.status === "active" && (
            <Card>
              <CardHeader
                title="Remove from the organisation"
                description="They lose access to every session, chart and document of the organisation at their next request, and every session shared with them is unshared."
              />
              <CardBody>
                <RemoveMemberForm
                  membershipId={member.membershipId}
                  name={member.name}
                  isSelf={isSelf}
                  handover={{ ownedSessions: handover.ownedSessions, successors: handover.successors.map((c) => ({ id: c.membershipId, name: c.name })) }}
                />
              </CardBody>
            </Card>
          )}
        </>
      ) : (
        <Alert tone="info">This person isn&apos;t a member of the organisation: they left, or their invitation was revoked. Invite them again from “Invite member” to give them access.</Alert>
      )}
    </div>
  );
}
