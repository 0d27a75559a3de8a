"use client";

import { useRef } from "react";
import { useFormStatus } from "react-dom";

type Organisation = { id: string; name: string };

function SwitchButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="sr-only focus:not-sr-only focus:rounded-md focus:px-2 focus:py-1 focus:text-sm focus:font-medium focus:text-teal-800">
      {pending ? "Switching…" : "Switch"}
    </button>
  );
}

/** Header switcher for a person with active memberships in several organisations. */
export function OrganisationSwitcher({ current, organisations, action }: { current: string; organisations: Organisation[]; action: (data: FormData) => Promise<void> }) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} className="flex min-w-0 items-center gap-2">
      <label htmlFor="organisation-switcher" className="sr-only">
        Organisation
      </label>
      <select
        id="organisation-switcher"
        name="organisationId"
        defaultValue={current}
        onChange={() => form.current?.requestSubmit()}
        className="max-w-56 min-w-0 truncate rounded-md border border-slate-200 bg-white py-1 pr-7 pl-2 text-sm font-semibold text-slate-900 focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none"
      >
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <SwitchButton />
    </form>
  );
}
