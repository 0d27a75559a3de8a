"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AREAS, ROLE_FLAGS } from "@/lib/access/permissions";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { deleteRole } from "@/lib/organisations/delete-role";
import { saveRole } from "@/lib/organisations/save-role";
import { id, roleName, rolePermissionsInput } from "@/lib/organisations/schemas";
import { idempotencyKey } from "@/lib/idempotency/key-field";

const saveRoleInput = z.object({ roleId: id.optional(), name: roleName, permissions: rolePermissionsInput, idempotencyKey });

export async function saveRoleAction(_prev: FormState, data: FormData): Promise<FormState> {
  const raw = {
    roleId: data.get("roleId") || undefined,
    name: data.get("name"),
    idempotencyKey: data.get("idempotencyKey") ?? undefined,
    permissions: Object.fromEntries([...AREAS, "clientScope", ...ROLE_FLAGS].map((k) => [k, data.get(k)])),
  };
  const { state, result } = await handleStaffForm(saveRoleInput, raw, saveRole);
  if (!result) return state;
  revalidatePath("/settings", "layout");
  if (!raw.roleId) redirect(`/settings/roles/${result.roleId}?created=1`);
  return state;
}

export async function deleteRoleAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state } = await handleStaffForm(z.object({ roleId: id }), Object.fromEntries(data), deleteRole);
  if (!state.ok) return state;
  revalidatePath("/settings", "layout");
  redirect("/settings/roles");
}
