"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "./cn";

export interface Tab {
  href: string;
  label: string;
  current: boolean;
}

/**
 * A row of page tabs (links). On a narrow screen the row scrolls sideways inside itself, never the
 * page; a fade at either edge shows that more tabs are hidden that way, and the current tab is
 * scrolled into view.
 */
export function TabStrip({ label, tabs, className }: { label: string; tabs: Tab[]; className?: string }) {
  const nav = useRef<HTMLElement>(null);
  const [hidden, setHidden] = useState({ before: false, after: false });
  const measure = useCallback(() => {
    const strip = nav.current;
    if (!strip) return;
    const before = strip.scrollLeft > 1;
    const after = strip.scrollLeft + strip.clientWidth < strip.scrollWidth - 1;
    setHidden((h) => (h.before === before && h.after === after ? h : { before, after }));
  }, []);
  const current = tabs.find((t) => t.current)?.href;
  useEffect(() => {
    const strip = nav.current;
    const link = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (strip && link && (link.offsetLeft < strip.scrollLeft || link.offsetLeft + link.offsetWidth > strip.scrollLeft + strip.clientWidth)) {
      strip.scrollLeft = link.offsetLeft - (strip.clientWidth - link.offsetWidth) / 2;
    }
    measure();
  }, [current, measure]);
  useEffect(() => {
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [measure]);
  // The page's own background, and clear of the line under the tabs.
  const fade = "pointer-events-none absolute top-0 bottom-px w-8 from-slate-50 to-transparent";
  return (
    <div className={cn("relative", className)}>
      {/* The line under the tabs is a shadow, which the scrolling does not clip. */}
      <nav ref={nav} aria-label={label} onScroll={measure} className="flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-slate-200)]">
        {tabs.map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.current ? "page" : undefined}
            className={cn(
              "shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none focus-visible:ring-inset sm:px-4",
              tab.current ? "border-teal-700 text-teal-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {hidden.before ? <div aria-hidden className={cn(fade, "left-0 bg-gradient-to-r")} data-testid="tabs-more-before" /> : null}
      {hidden.after ? <div aria-hidden className={cn(fade, "right-0 bg-gradient-to-l")} data-testid="tabs-more-after" /> : null}
    </div>
  );
}
