"use client";

import { usePathname } from "next/navigation";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Textarea } from "@/components/ui/field";
import { getEmergencyAccessAction } from "@/app/(app)/emergency-access/actions";
import { MIN_EMERGENCY_REASON_LENGTH } from "@/lib/emergency-access/limits";

/** The record's id is the path segment after /clients/ or /sessions/ (not-found pages get no params). */
function recordIdFrom(pathname: string): string {
  return pathname.split("/")[2] ?? "";
}

export function EmergencyAccessForm({ kind }: { kind: "client" | "session" }) {
  const pathname = usePathname();
  return (
    <ActionForm action={getEmergencyAccessAction} aria-label="Get emergency access">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="recordId" value={recordIdFrom(pathname)} />
      <FormField name="reason" label="Why do you need it now?" hint={`Required, at least ${MIN_EMERGENCY_REASON_LENGTH} characters. Your admins will read it.`}>
        <Textarea id="reason" name="reason" rows={3} required minLength={MIN_EMERGENCY_REASON_LENGTH} maxLength={1000} />
      </FormField>
      <FormSubmit variant="danger" pendingLabel="Opening…">
        Get emergency access
      </FormSubmit>
    </ActionForm>
  );
}
