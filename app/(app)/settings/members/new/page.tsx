import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { listRoles, listTeams } from "@/lib/organisations/queries";
import { AddMemberForm } from "./add-member-form";

export const metadata: Metadata = { title: "Add member" };

export default async function NewMemberPage() {
  const actor = await requireStaffWith("settings:edit");
  const [roles, teams] = await Promise.all([listRoles(actor), listTeams(actor)]);
  return (
    <Card className="max-w-2xl">
      <CardHeader title="Add a member" description="They can sign in straight away with the email and initial password you set." />
      <CardBody>
        <AddMemberForm roles={roles.map((r) => ({ id: r.id, name: r.name }))} teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
      </CardBody>
    </Card>
  );
}
