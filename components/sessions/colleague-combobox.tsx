"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { useTypeahead } from "@/components/forms/use-typeahead";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/field";
import { SHARE_LEVEL_LABELS, type ShareLevel } from "@/lib/access/sessions";

export interface ColleagueOption {
  userId: string;
  name: string;
  email: string;
  currentAccess: ShareLevel | null;
  /** The levels their role lets them receive; empty: their role can't receive sessions. */
  levels: ShareLevel[];
}

/** Why a colleague can't be chosen, in words (null: they can). */
export function unavailableReason(c: ColleagueOption): string | null {
  return c.levels.length === 0 ? "their role can't receive sessions" : null;
}

/**
 * Type-ahead search of colleagues (ARIA 1.2 combobox with a listbox popup): type a name or email,
 * ↓/↑ to move, Enter to choose, Escape to close the list. `search` runs on the server. The input
 * stays where it is after a choice (cleared, focused), so several people can be added in a row.
 * Colleagues who can't be chosen are listed with the reason, not hidden.
 */
export function ColleagueCombobox({
  id,
  search,
  onSelect,
  exclude = [],
  describedBy,
  invalid,
}: {
  id: string;
  search: (q: string) => Promise<ColleagueOption[] | null>;
  onSelect: (c: ColleagueOption) => void;
  /** Already chosen: not offered again. */
  exclude?: string[];
  describedBy?: string;
  invalid?: boolean;
}) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { results: found, status, reset } = useTypeahead(query, search, {
    // A new answer: show it, the first person highlighted.
    onResults: (hits) => {
      setActive(hits?.length ? 0 : -1);
      setOpen(true);
    },
  });
  const results = found.filter((c) => !exclude.includes(c.userId));

  function choose(c: ColleagueOption | undefined) {
    if (!c || unavailableReason(c)) return;
    onSelect(c);
    setOpen(false);
    setQuery("");
    reset();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (results.length ? (i + 1) % results.length : -1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (results.length ? (i <= 0 ? results.length - 1 : i - 1) : -1));
    } else if (e.key === "Enter") {
      // Enter picks the highlighted person instead of submitting the form.
      e.preventDefault();
      if (open) choose(results[active]);
    } else if (e.key === "Escape" && open) {
      // Close the list, not the dialog around it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  const expanded = open && query.trim().length > 0;
  const optionId = (i: number) => `${listId}-${i}`;
  const count = `${results.length} ${results.length === 1 ? "colleague" : "colleagues"} found.`;
  return (
    <div className="relative">
      <Input
        id={id}
        role="combobox"
        type="text"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && results[active] ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        placeholder="Add people by name or email"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!e.target.value.trim()) {
            setOpen(false);
            reset();
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => results.length && setOpen(true)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Colleagues"
        hidden={!expanded || results.length === 0}
        className="absolute z-10 mt-1 max-h-64 w-full overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
      >
        {results.map((c, i) => {
          const reason = unavailableReason(c);
          return (
            <li
              key={c.userId}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              aria-disabled={reason ? true : undefined}
              className={cn("px-3 py-2 text-sm", reason ? "cursor-not-allowed text-slate-600" : "cursor-pointer text-slate-800", i === active && "bg-teal-50 text-teal-900")}
              // mousedown, not click: it runs before the input's blur closes the list
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="font-medium">{c.name}</span>
              {reason ? (
                <span> — {reason}</span>
              ) : (
                <>
                  {" "}
                  <span className="text-slate-600">{c.email}</span>
                  {c.currentAccess && <span className="text-slate-600"> · has {SHARE_LEVEL_LABELS[c.currentAccess]}</span>}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {expanded && status === "done" && results.length === 0 && (
        <p className="absolute z-10 mt-1 w-full rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600 shadow-lg">No active colleague matches.</p>
      )}
      <p className="sr-only" aria-live="polite">
        {status === "searching" ? "Searching…" : status === "done" && expanded ? count : status === "error" ? "The search failed. Try again." : ""}
      </p>
    </div>
  );
}
