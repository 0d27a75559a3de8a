"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Input, Select } from "@/components/ui/field";
import { createClientAction } from "../actions";

export function NewClientForm({ practitioners, hint }: { practitioners: { id: string; name: string }[]; hint: string }) {
  return (
    <ActionForm action={createClientAction} idempotent aria-label="New client">
      <p className="text-sm font-medium text-slate-700">Type: Individual</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="firstName" label="First name">
          <Input id="firstName" name="firstName" autoComplete="off" required />
        </FormField>
        <FormField name="lastName" label="Last name">
          <Input id="lastName" name="lastName" autoComplete="off" required />
        </FormField>
        <FormField name="dateOfBirth" label="Date of birth (optional)">
          <Input id="dateOfBirth" name="dateOfBirth" type="date" />
        </FormField>
        <FormField name="email" label="Email (optional)" hint="Leave empty for a separate profile of someone who already has a chart.">
          <Input id="email" name="email" type="email" autoComplete="off" />
        </FormField>
        <FormField name="phone" label="Phone (optional)">
          <Input id="phone" name="phone" type="tel" autoComplete="off" />
        </FormField>
        <FormField name="practitionerId" label="First practitioner" hint={hint}>
          <Select id="practitionerId" name="practitionerId" defaultValue="" options={practitioners}>
            <option value="">No one yet</option>
          </Select>
        </FormField>
      </div>
      <FormSubmit pendingLabel="Creating…">Create client</FormSubmit>
    </ActionForm>
  );
}
