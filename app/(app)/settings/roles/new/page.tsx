import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { requireStaffWith } from "@/lib/access/require-area";
import { RoleForm } from "../role-form";

export const metadata: Metadata = { title: "New role" };

export default async function NewRolePage() {
  await requireStaffWith("settings:edit");
  return (
    <div className="max-w-3xl space-y-4">
      <ButtonLink href="/settings/roles" variant="ghost" size="sm">
        ← All roles
      </ButtonLink>
      <RoleForm />
    </div>
  );
}
