import type { Metadata } from "next";
import { recordMetadata } from "@/lib/records/record-metadata";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { requireStaffWith } from "@/lib/access/require-area";
import { getRole } from "@/lib/organisations/queries";
import { RoleForm } from "../role-form";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";

export async function generateMetadata({ params }: { params: Promise<{ roleId: string }> }): Promise<Metadata> {
  return recordMetadata("role", (await params).roleId);
}

export default async function RolePage({ params, searchParams }: { params: Promise<{ roleId: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requireStaffWith("settings:edit");
  const roleId = idOrNotFound((await params).roleId);
  const { created } = await searchParams;
  const role = await orNotFound(getRole(actor, roleId), ["not_found"]);
  return (
    <div className="max-w-3xl space-y-4">
      <ButtonLink href="/settings/roles" variant="ghost" size="sm">
        ← All roles
      </ButtonLink>
      {created && <Alert tone="success">Role created. Assign it to members from their page.</Alert>}
      <RoleForm role={role} deletable={!role.builtIn && role.memberCount === 0} />
    </div>
  );
}
