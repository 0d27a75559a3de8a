import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireStaffWith } from "@/lib/access/require-area";
import { listTeams } from "@/lib/organisations/queries";
import { CreateTeamForm } from "./team-forms";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const actor = await requireStaffWith("settings:edit");
  const teams = await listTeams(actor);
  return (
    <div className="space-y-6">
      {teams.length === 0 ? (
        <EmptyState title="No teams yet" description="Teams group colleagues so they can see the sessions shared with their team." />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>Team</Th>
              <Th>Members</Th>
            </Tr>
          </THead>
          <TBody>
            {teams.map((t) => (
              <Tr key={t.id}>
                <Td>
                  <Link className="font-medium text-teal-800 hover:underline" href={`/settings/teams/${t.id}`}>
                    {t.name}
                  </Link>
                </Td>
                <Td label="Members">{t.members.map((m) => m.name).join(", ") || <span className="text-slate-600">No members</span>}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Card className="max-w-xl">
        <CardHeader title="Create a team" />
        <CardBody>
          <CreateTeamForm />
        </CardBody>
      </Card>
    </div>
  );
}
