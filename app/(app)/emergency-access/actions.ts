"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { handleStaffForm } from "@/lib/actions/handle-form";
import { grantEmergencyAccess } from "@/lib/emergency-access/grant-emergency-access";
import { emergencyAccessInput } from "@/lib/emergency-access/schemas";

const RECORD_PATH = { client: "/clients/", session: "/sessions/" } as const;

/** *Get emergency access* on a record's not-found page; on success, back to the record (now readable). */
export async function getEmergencyAccessAction(_prev: FormState, data: FormData): Promise<FormState> {
  const { state, result } = await handleStaffForm(
    emergencyAccessInput,
    { kind: data.get("kind"), recordId: data.get("recordId"), reason: data.get("reason") },
    grantEmergencyAccess,
  );
  if (!result) return state;
  const path = `${RECORD_PATH[data.get("kind") === "session" ? "session" : "client"]}${String(data.get("recordId"))}`;
  revalidatePath(path, "layout");
  redirect(path);
}
