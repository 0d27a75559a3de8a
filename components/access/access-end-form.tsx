"use client";

import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { setAccessEndAction } from "@/app/(app)/actions";
import { AccessEndDateField } from "./access-end-date-field";

/** Sets or moves the end date of one grant (Manage access, the Portal tab). */
export function AccessEndForm({
  grant,
  ids,
  current,
  label,
}: {
  grant: "client_access" | "portal_profile" | "session_share";
  ids: Record<string, string>;
  current: Date | string | null;
  label: string;
}) {
  const fieldId = `ends-${Object.values(ids).join("-")}`;
  return (
    <ActionForm action={setAccessEndAction} aria-label={label} successMessage="End date saved." layout="own" className="space-y-2">
      <input type="hidden" name="grant" value={grant} />
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <AccessEndDateField id={fieldId} current={current} label={label} />
      <FormSubmit variant="secondary" pendingLabel="Saving…">
        Save end date
      </FormSubmit>
    </ActionForm>
  );
}
