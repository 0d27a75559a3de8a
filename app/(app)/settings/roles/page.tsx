import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AREAS, AREA_LABELS, ROLE_FLAG_LABELS, ROLE_FLAGS } from "@/lib/access/permissions";
import { requireStaffWith } from "@/lib/access/require-area";
import { listRoles } from "@/lib/organisations/queries";

export const metadata: Metadata = { title: "Roles" };

const LEVEL_LABEL = { none: "—", view: "View", edit: "Edit" } as const;

export default async function RolesPage() {
  const actor = await requireStaffWith("settings:edit");
  const roles = await listRoles(actor);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-600">A role is a ceiling: sharing never lifts anyone above their role.</p>
        <ButtonLink href="/settings/roles/new" variant="primary">New role</ButtonLink>
      </div>
      <Table>
        <THead>
          <Tr>
            <Th>Role</Th>
            {AREAS.map((a) => (
              <Th key={a}>{AREA_LABELS[a]}</Th>
            ))}
            <Th>Clients seen</Th>
            {ROLE_FLAGS.map((f) => (
              <Th key={f}>{ROLE_FLAG_LABELS[f]}</Th>
            ))}
            <Th>Members</Th>
          </Tr>
        </THead>
        <TBody>
          {roles.map((r) => (
            <Tr key={r.id}>
              <Td>
                <Link className="font-medium text-teal-800 hover:underline" href={`/settings/roles/${r.id}`}>
                  {r.name}
                </Link>{" "}
                {r.builtIn && <Badge>Built-in</Badge>}
              </Td>
              {AREAS.map((a) => (
                <Td label={AREA_LABELS[a]} key={a}>{LEVEL_LABEL[r[a]]}</Td>
              ))}
              <Td label="Clients seen">{r.clientScope === "all" ? "All" : "Assigned"}</Td>
              {ROLE_FLAGS.map((f) => (
                <Td label={ROLE_FLAG_LABELS[f]} key={f}>
                  {r[f] ? "Yes" : "—"}
                </Td>
              ))}
              <Td label="Members">{r.memberCount}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
