import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { requireStaffWith } from "@/lib/access/require-area";
import { AppError } from "@/lib/errors";
import { getRole } from "@/lib/organisations/queries";
import { RoleForm } from "../role-form";

export const metadata: Metadata = { title: "Role" };

export default async function RolePage({ params, searchParams }: { params: Promise<{ roleId: string }>; searchParams: Promise<{ created?: string }> }) {
  const actor = await requireStaffWith("settings:edit");
  const { roleId } = await params;
  const { created } = await searchParams;
  const role = await getRole(actor, roleId).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
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
