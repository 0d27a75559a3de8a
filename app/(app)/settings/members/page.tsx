import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireStaffWith } from "@/lib/access/require-area";
import { listMembers } from "@/lib/organisations/queries";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ removed?: string; former?: string }> }) {
  const actor = await requireStaffWith("settings:edit");
  const { removed, former } = await searchParams;
  const members = await listMembers(actor, { includeLeft: former === "1" });
  return (
    <div className="space-y-4">
      {removed && <Alert tone="success">The member was removed. Their access ended at once.</Alert>}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {members.length} {members.length === 1 ? "person" : "people"}
          {" · "}
          <Link className="text-teal-800 underline-offset-2 hover:underline" href={former === "1" ? "/settings/members" : "/settings/members?former=1"}>
            {former === "1" ? "Hide former members" : "Show former members"}
          </Link>
        </p>
        <ButtonLink href="/settings/members/new" variant="primary">Invite member</ButtonLink>
      </div>
      <Table>
        <THead>
          <Tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Teams</Th>
            <Th>Status</Th>
          </Tr>
        </THead>
        <TBody>
          {members.map((m) => (
            <Tr key={m.membershipId}>
              <Td>
                <Link className="font-medium text-teal-800 hover:underline" href={`/settings/members/${m.membershipId}`}>
                  {m.name}
                </Link>
              </Td>
              <Td label="Email">{m.email}</Td>
              <Td label="Role">{m.roleName}</Td>
              <Td label="Teams">{m.teams.map((t) => t.name).join(", ") || <span className="text-slate-600">—</span>}</Td>
              <Td label="Status">
                <Badge tone={m.status === "active" ? "success" : m.status === "invited" ? "info" : "neutral"}>
                  {m.status === "left" ? "Not a member" : m.status === "invited" ? "Invited" : "Active"}
                </Badge>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
