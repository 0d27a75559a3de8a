"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Input, Select } from "@/components/ui/field";
import { updateAuditSettingsAction } from "./actions";

export function AuditSettingsForm(props: { auditRetentionYears: number; timeZone: string; timeZones: string[]; minYears: number; maxYears: number }) {
  return (
    <ActionForm action={updateAuditSettingsAction} aria-label="Audit log settings" successMessage="Audit log settings saved.">
      <FormField
        name="auditRetentionYears"
        label="Keep audit events for this many years"
        hint={`Between ${props.minYears} and ${props.maxYears} years. Older events are deleted by the daily retention job, which records each deletion here.`}
      >
        <Input
          id="auditRetentionYears"
          name="auditRetentionYears"
          type="number"
          inputMode="numeric"
          min={props.minYears}
          max={props.maxYears}
          defaultValue={props.auditRetentionYears}
          className="max-w-32"
        />
      </FormField>
      <FormField name="timeZone" label="Time zone" hint="Dates and times on the audit log and in its export are shown in this time zone.">
        <Select id="timeZone" name="timeZone" defaultValue={props.timeZone} className="max-w-sm">
          {props.timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz.replace(/_/g, " ")}
            </option>
          ))}
        </Select>
      </FormField>
      <FormSubmit>Save audit log settings</FormSubmit>
    </ActionForm>
  );
}
