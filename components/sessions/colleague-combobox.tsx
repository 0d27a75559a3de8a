"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/field";
import type { ShareLevel } from "@/lib/access/sessions";

export interface ColleagueOption {
  userId: string;
  name: string;
  email: string;
  currentAccess: ShareLevel | null;
  levels: ShareLevel[];
}

/**
 * Type-ahead search of colleagues (ARIA 1.2 combobox with a listbox popup): type a name or email,
 * ↓/↑ to move, Enter to choose, Escape to close the list. `search` runs on the server and returns
 * only active members of the organisation who may receive the share.
 */
export function ColleagueCombobox({
  id,
  search,
  onSelect,
  describedBy,
  invalid,
}: {
  id: string;
  search: (q: string) => Promise<ColleagueOption[] | null>;
  onSelect: (c: ColleagueOption) => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<ColleagueOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<"idle" | "searching" | "done" | "error">("idle");
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setStatus("searching");
      const found = await search(q).catch(() => null);
      if (ticket !== latest.current) return; // a newer query has been typed since
      setResults(found ?? []);
      setStatus(found ? "done" : "error");
      setActive(found && found.length ? 0 : -1);
      setOpen(true);
    }, 200);
    return () => clearTimeout(timer);
  }, [query, search]);

  function choose(c: ColleagueOption) {
    onSelect(c);
    setOpen(false);
    setQuery("");
    setResults([]);
    setStatus("idle");
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
      const c = results[active];
      if (open && c) choose(c);
    } else if (e.key === "Escape" && open) {
      // Close the list, not the dialog around it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  const expanded = open && query.trim().length > 0;
  const optionId = (i: number) => `${listId}-${i}`;
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
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        placeholder="Search by name or email"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!e.target.value.trim()) {
            setOpen(false);
            setResults([]);
            setStatus("idle");
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
        {results.map((c, i) => (
          <li
            key={c.userId}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={cn("cursor-pointer px-3 py-2 text-sm", i === active ? "bg-teal-50 text-teal-900" : "text-slate-800")}
            // mousedown, not click: it runs before the input's blur closes the list
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="font-medium">{c.name}</span> <span className="text-slate-500">{c.email}</span>
          </li>
        ))}
      </ul>
      {expanded && status === "done" && results.length === 0 && (
        <p className="absolute z-10 mt-1 w-full rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-500 shadow-lg">No active colleague matches.</p>
      )}
      <p className="sr-only" aria-live="polite">
        {status === "searching" ? "Searching…" : status === "done" && expanded ? `${results.length} ${results.length === 1 ? "colleague" : "colleagues"} found.` : status === "error" ? "The search failed. Try again." : ""}
      </p>
    </div>
  );
}
