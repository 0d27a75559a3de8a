"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { ActionForm, FormField, FormSubmit, useActionFormState } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { Input, Select } from "@/components/ui/field";
import type { DuplicateMatch } from "@/lib/clients/find-duplicate-clients";
import { formatDate } from "@/lib/format/dates";
import { createClientAction, findDuplicateClientsAction } from "../actions";

export function NewClientForm({ practitioners, hint }: { practitioners: { id: string; name: string }[]; hint: string }) {
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const asked = useRef("");
  // Checked as each field is left (not on every key): name and date of birth, or email.
  async function check(form: HTMLFormElement | null) {
    if (!form) return;
    const data = new FormData(form);
    const fields = { firstName: data.get("firstName"), lastName: data.get("lastName"), dateOfBirth: data.get("dateOfBirth"), email: data.get("email") };
    const key = JSON.stringify(fields);
    if (key === asked.current) return;
    asked.current = key;
    setMatches(await findDuplicateClientsAction(fields));
  }
  return (
    <ActionForm action={createClientAction} idempotent aria-label="New client">
      <p className="text-sm font-medium text-slate-700">Type: Individual</p>
      <div className="grid gap-4 sm:grid-cols-2" onBlur={(e) => void check(e.currentTarget.closest("form"))}>
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
      <DuplicateWarning matches={matches} />
      <FormSubmit pendingLabel="Creating…">Create client</FormSubmit>
    </ActionForm>
  );
}

/** "This may be someone who already has a chart": links to it, and a deliberate way past. */
function DuplicateWarning({ matches }: { matches: DuplicateMatch[] }) {
  const { state } = useActionFormState();
  if (matches.length === 0 && state.error !== "possible_duplicate") return null;
  return (
    <Alert tone="warning" title="This person may already have a chart">
        {matches.length > 0 ? (
          <ul className="mt-1 list-disc space-y-1 pl-5" aria-label="Charts with the same details">
            {matches.map((m, i) =>
              m.visible ? (
                <li key={m.id}>
                  <Link href={`/clients/${m.id}`} className="font-medium underline" target="_blank">
                    {m.name}
                    {m.dateOfBirth ? `, born ${formatDate(m.dateOfBirth)}` : ""}
                  </Link>
                  {m.sameEmail ? " — same email" : " — same name and date of birth"}
                </li>
              ) : (
                <li key={`hidden-${i}`}>A chart you can&apos;t open has the same {m.sameEmail ? "email" : "name and date of birth"}.</li>
              ),
            )}
          </ul>
        ) : null}
        <p className="mt-2">To give the same person a second chart (another discipline, or for privacy), open their chart and choose “Create a separate profile for this person…” in its “…” menu.</p>
        <label className="mt-3 flex min-h-6 items-center gap-2 font-medium">
          <input type="checkbox" name="differentPerson" className="size-4" />
          This is a different person: create a new chart anyway
        </label>
    </Alert>
  );
}
