"use client";

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTypeahead } from "@/components/forms/use-typeahead";
import { formatDate } from "@/components/sessions/session-badges";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/field";
import type { PatientChoice } from "@/lib/sessions/search-patient-choices";
import { searchPatientChoicesAction } from "./actions";

type Patient = { id: string; name: string } | null;

/**
 * The session's client, searched as you type (at most 20 charts come back, never the whole list):
 * the button shows the current client; pressing it turns it into a search box, ↓/↑ and Enter choose,
 * Escape puts the button back. The first option clears the client. Without a session (the
 * new-session form) it looks like a field and, given `name`, submits the chosen id with the form.
 */
export function PatientPicker({
  sessionId,
  current,
  labelId,
  onChoose,
  name,
  id,
  "aria-describedby": describedBy,
}: {
  sessionId?: string;
  current: Patient;
  labelId: string;
  onChoose: (p: Patient) => void;
  /** A form field's name: the chosen id goes with the form in a hidden input. */
  name?: string;
  /** The button's id, so a `<label htmlFor>` opens the picker. */
  id?: string;
  "aria-describedby"?: string;
}) {
  const [editing, setEditing] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) buttonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const hidden = name ? <input type="hidden" name={name} value={current?.id ?? ""} /> : null;
  if (!editing) {
    return (
      <>
        <Button
          ref={buttonRef}
          id={id}
          variant="secondary"
          // Drawn like the selects beside it: the name on the left, the chevron on the right.
          className={cn("w-full font-normal", sessionId && "h-9 sm:w-56")}
          aria-labelledby={`${labelId} ${labelId}-value`}
          aria-describedby={describedBy}
          onClick={() => setEditing(true)}
        >
          <span id={`${labelId}-value`} className="min-w-0 flex-1 truncate text-left">
            {current?.name ?? "No patient"}
          </span>
          <svg className="size-4 shrink-0 text-slate-500" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
            <path d="m6 8 4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </Button>
        {hidden}
      </>
    );
  }
  return (
    <>
      <PatientSearch
        sessionId={sessionId}
        labelId={labelId}
        describedBy={describedBy}
        hasCurrent={Boolean(current)}
        onDone={(choice) => {
          setEditing(false);
          if (choice !== undefined) onChoose(choice);
        }}
      />
      {hidden}
    </>
  );
}

function PatientSearch({
  sessionId,
  labelId,
  describedBy,
  hasCurrent,
  onDone,
}: {
  sessionId?: string;
  labelId: string;
  describedBy?: string;
  hasCurrent: boolean;
  onDone: (choice?: Patient) => void;
}) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const search = useCallback(
    async (q: string) => {
      const data = new FormData();
      if (sessionId) data.set("sessionId", sessionId);
      data.set("q", q);
      const result = await searchPatientChoicesAction(null, data);
      return result.ok ? result.data : null;
    },
    [sessionId],
  );
  const { results, status } = useTypeahead<PatientChoice>(query, search, { onResults: () => setActive(0) });
  // "No patient" first when there is one to clear, then the matches.
  const options: (PatientChoice | null)[] = [...(hasCurrent ? [null] : []), ...(query.trim() ? results : [])];

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (active < options.length) onDone(options[active] ? { id: options[active]!.id, name: options[active]!.name } : null);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    }
  }

  const count = `${results.length} ${results.length === 1 ? "client" : "clients"} found${results.length === 20 ? ": type more of the name to narrow it down" : ""}.`;
  return (
    <div className="relative w-full min-w-56" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && onDone()}>
      <Input
        autoFocus
        role="combobox"
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length ? `${listId}-${active}` : undefined}
        placeholder="Search clients by name"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        className={sessionId ? "h-9" : undefined}
      />
      <ul id={listId} role="listbox" aria-label="Clients" hidden={options.length === 0} className="absolute z-20 mt-1 max-h-72 w-full min-w-64 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg">
        {options.map((c, i) => (
          <li
            key={c?.id ?? "none"}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={cn("cursor-pointer px-3 py-2", i === active ? "bg-teal-50 text-teal-900" : "text-slate-800")}
            onMouseDown={(e) => {
              e.preventDefault();
              onDone(c ? { id: c.id, name: c.name } : null);
            }}
          >
            {c ? (
              <>
                <span className="font-medium">{c.name}</span>
                {c.profileLabel && <span className="text-slate-600"> · {c.profileLabel}</span>}
                {c.dateOfBirth && <span className="text-slate-600"> · born {formatDate(new Date(c.dateOfBirth))}</span>}
              </>
            ) : (
              <span>No patient (remove the client)</span>
            )}
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {status === "searching" ? "Searching…" : status === "done" && query.trim() ? count : status === "error" ? "The search failed. Try again." : ""}
      </p>
      {status === "done" && query.trim() && results.length === 0 && (
        <p className="absolute z-20 mt-1 w-full rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600 shadow-lg">No client you can see matches.</p>
      )}
    </div>
  );
}
