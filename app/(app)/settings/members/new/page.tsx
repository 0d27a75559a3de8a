import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffWith } from "@/lib/access/require-area";
import { listRoles, listTeams } from "@/lib/organisations/queries";
import { InviteMemberForm } from "./invite-member-form";

export const metadata: Metadata = { title: "Invite member" };

export default async function NewMemberPage() {
  const actor = await requireStaffWith("settings:edit");
  const [roles, teams] = await Promise.all([listRoles(actor), listTeams(actor)]);
  return (
    <Card className="max-w-2xl">
      <CardHeader title="Invite a member" description="They receive an email with a link to set their password. The link works once and expires in 24 hours." />
      <CardBody>
        <InviteMemberForm roles={roles.map((r) => ({ id: r.id, name: r.name }))} teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
      </CardBody>
    </Card>
  );
}
