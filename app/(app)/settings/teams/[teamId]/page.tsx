import type { Metadata } from "next";
import { recordMetadata } from "@/lib/records/record-metadata";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { listMembers, listTeams } from "@/lib/organisations/queries";
import { getTeamDeletionImpact } from "@/lib/organisations/delete-team";
import { AddTeamMemberForm, DeleteTeamForm, RemoveTeamMemberForm, RenameTeamForm } from "../team-forms";
import { idOrNotFound } from "@/lib/access/or-not-found";

export async function generateMetadata({ params }: { params: Promise<{ teamId: string }> }): Promise<Metadata> {
  return recordMetadata("team", (await params).teamId);
}

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const actor = await requireStaffWith("settings:edit");
  const teamId = idOrNotFound((await params).teamId);
  const [teams, members] = await Promise.all([listTeams(actor), listMembers(actor)]);
  const team = teams.find((t) => t.id === teamId);
  if (!team) notFound();
  const impact = await getTeamDeletionImpact(actor, team.id);
  const inTeam = new Set(team.members.map((m) => m.userId));
  const candidates = members.filter((m) => m.status === "active" && !inTeam.has(m.userId));

  return (
    <div className="max-w-2xl space-y-6">
      <ButtonLink href="/settings/teams" variant="ghost" size="sm">
        ← All teams
      </ButtonLink>
      <Card>
        <CardHeader title="Team name" />
        <CardBody>
          <RenameTeamForm teamId={team.id} name={team.name} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={`Members of ${team.name}`} description="Members see the sessions colleagues make visible to this team." />
        <CardBody>
          {team.members.length === 0 ? (
            <p className="text-sm text-slate-600">Nobody is in this team yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {team.members.map((m) => (
                <li key={m.userId} className="flex items-center justify-between py-2">
                  <span>
                    <span className="font-medium">{m.name}</span> <span className="text-sm text-slate-500">{m.email}</span>
                  </span>
                  <RemoveTeamMemberForm teamId={team.id} membershipId={m.membershipId} name={m.name} teamName={team.name} />
                </li>
              ))}
            </ul>
          )}
          {candidates.length > 0 && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <AddTeamMemberForm teamId={team.id} candidates={candidates.map((m) => ({ id: m.membershipId, name: `${m.name} (${m.email})` }))} />
            </div>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Delete this team" description="For a team that no longer exists. Its members stay in the organisation." />
        <CardBody>
          <DeleteTeamForm teamId={team.id} teamName={team.name} members={impact.members} teamSessions={impact.teamSessions} />
        </CardBody>
      </Card>
    </div>
  );
}
