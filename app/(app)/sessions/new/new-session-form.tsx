"use client";

import { useState } from "react";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { VISIBILITY_HINT, VISIBILITY_LABELS } from "@/components/sessions/session-badges";
import { Input, Select } from "@/components/ui/field";
import { PatientPicker } from "../[sessionId]/patient-picker";
import { createSessionAction } from "../actions";

type Option = { id: string; name: string };

export function NewSessionForm({ teams }: { teams: Option[] }) {
  // The patient is searched as you type (never the whole client list in the page).
  const [patient, setPatient] = useState<Option | null>(null);
  return (
    <ActionForm action={createSessionAction} idempotent aria-label="New session">
      <FormField name="title" label="Title">
        <Input id="title" name="title" placeholder="e.g. Initial assessment" required />
      </FormField>
      <FormField name="clientId" label="Patient profile" labelId="clientId-label" hint="The client this session is about. You can set it later.">
        <PatientPicker id="clientId" name="clientId" labelId="clientId-label" current={patient} onChoose={setPatient} />
      </FormField>
      <FormField name="teamId" label="Team" hint="The team the session belongs to.">
        <Select id="teamId" name="teamId" defaultValue={teams[0]?.id ?? ""} options={teams}>
          <option value="">No team</option>
        </Select>
      </FormField>
      <FormField name="visibility" label="Who can see it" hint={VISIBILITY_HINT}>
        <Select id="visibility" name="visibility" defaultValue="private">
          <option value="private">{VISIBILITY_LABELS.private}</option>
          <option value="team">{VISIBILITY_LABELS.team}</option>
        </Select>
      </FormField>
      <FormSubmit pendingLabel="Creating…">Create session</FormSubmit>
    </ActionForm>
  );
}
