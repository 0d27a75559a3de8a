"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";

/**
 * The chart's "…" button: a disclosure of links (not an ARIA menu — these are plain navigation, so
 * Tab moves through them as usual). Escape closes it and returns focus to the button; so does a
 * click outside or focus leaving it.
 */
export function ChartActions({ items }: { items: { href: string; label: string }[] }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="relative"
      data-print="hide"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-label="Chart actions"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex h-10 w-10 cursor-pointer items-center justify-center rounded-lg border border-slate-300 bg-white text-lg font-semibold text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none"
      >
        <span aria-hidden="true">…</span>
      </button>
      <ul id={listId} hidden={!open} className="absolute right-0 z-10 mt-2 w-80 rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
        {items.map((m) => (
          <li key={m.href}>
            <Link
              href={m.href}
              onClick={() => setOpen(false)}
              className="block px-4 py-2 text-sm text-slate-800 hover:bg-slate-50 focus-visible:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-teal-600"
            >
              {m.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
