"use client";

import { useState } from "react";
import { useActionFormState } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { addDays, clinicDay, END_DATE_QUICK_PICKS, lastDayOf } from "@/lib/access-ends/end-date";

/**
 * The end-date field for access that ends by itself: a date (the last day of access) with quick
 * picks. Empty means no end date. Submits `name` as YYYY-MM-DD or "" (lib/access-ends/schemas.ts).
 */
export function AccessEndDateField({
  id,
  name = "endsOn",
  current,
  error,
  label = "Access ends",
}: {
  id: string;
  name?: string;
  /** The grant's current end (its last day is shown), if any. */
  current?: Date | string | null;
  error?: string;
  label?: string;
}) {
  const [value, setValue] = useState(current ? lastDayOf(new Date(current)) : "");
  // Inside an ActionForm the server's message for this field shows here.
  const { state } = useActionFormState();
  error ??= state.fieldErrors?.[name] || undefined;
  const today = clinicDay(new Date());
  return (
    <Field label={label} htmlFor={id} optional error={error} hint="The last day of access. Leave empty for no end date.">
      <div className="flex flex-wrap items-center gap-2">
        <Input id={id} name={name} type="date" min={today} value={value} onChange={(e) => setValue(e.target.value)} className="w-44" />
        {END_DATE_QUICK_PICKS.map((p) => (
          <Button key={p.days} variant="secondary" size="sm" onClick={() => setValue(addDays(today, p.days))} aria-label={`End in ${p.label}`}>
            {p.label}
          </Button>
        ))}
        {value && (
          <Button variant="ghost" size="sm" onClick={() => setValue("")}>
            No end date
          </Button>
        )}
      </div>
    </Field>
  );
}
