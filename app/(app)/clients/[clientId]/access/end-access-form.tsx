"use client";

import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { endChartAccessAction } from "./actions";

interface EndAccessFormProps {
  fields: Record<string, string>;
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
}

/** The action at the end of one line of the Access tab, with a confirmation first. */
export function EndAccessForm({ fields, label, title, description, confirmLabel }: EndAccessFormProps) {
  return (
    <ActionForm action={endChartAccessAction} aria-label={title} layout="own" className="space-y-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmButton size="sm" variant="secondary" title={title} description={description} confirmLabel={confirmLabel} pendingLabel="Ending…">
        {label}
      </ConfirmButton>
    </ActionForm>
  );
}
