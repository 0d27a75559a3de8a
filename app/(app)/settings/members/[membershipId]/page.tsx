import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { AppError } from "@/lib/errors";
import { getMember, listRoles, listTeams } from "@/lib/organisations/queries";
import { MemberRoleForm, MemberTeamsForm, RemoveMemberForm } from "./member-forms";

export const metadata: Metadata = { title: "Member" };

export default async function MemberPage({ params, searchParams }: { params: Promise<{ membershipId: string }>; searchParams: Promise<{ added?: string }> }) {
  const actor = await requireStaffWith("settings:edit");
  const { membershipId } = await params;
  const { added } = await searchParams;
  const member = await getMember(actor, membershipId).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const [roles, teams] = await Promise.all([listRoles(actor), listTeams(actor)]);
  const isSelf = member.userId === actor.userId;
  const active = member.status !== "left";

  return (
    <div className="max-w-2xl space-y-6">
      <ButtonLink href="/settings/members" variant="ghost" size="sm">
        ← All members
      </ButtonLink>
      {added && <Alert tone="success">{member.name} was added. They can sign in now.</Alert>}
      <div>
        <h2 className="text-xl font-semibold text-slate-900">{member.name}</h2>
        <p className="text-sm text-slate-600">
          {member.email} · {active ? <Badge tone="success">Active</Badge> : <Badge>Former member</Badge>}
        </p>
      </div>
      {active ? (
        <>
          <Card>
            <CardHeader title="Role" description="The role sets what this person may see and change in each area." />
            <CardBody>
              <MemberRoleForm membershipId={member.membershipId} roleId={member.roleId} roles={roles.map((r) => ({ id: r.id, name: r.name }))} />
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
          <Card>
            <CardHeader
              title="Remove from the organisation"
              description="They lose access to every session, chart and document of the organisation at their next request, and every session shared with them is unshared."
            />
            <CardBody>
              <RemoveMemberForm membershipId={member.membershipId} name={member.name} isSelf={isSelf} />
            </CardBody>
          </Card>
        </>
      ) : (
        <Alert tone="info">This person has left the organisation. Add them again from “Add member” to restore access.</Alert>
      )}
    </div>
  );
}
