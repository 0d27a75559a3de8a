import Link from "next/link";
import { cn } from "./cn";

/** A row of filter links ("All", "Letters", … or a state), the current one marked for screen readers too. */
export function FilterChips({ label, chips }: { label: string; chips: { key: string; label: string; href: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="mb-4 flex flex-wrap gap-2">
      {chips.map((c) => (
        <Link
          key={c.key}
          href={c.href}
          aria-current={c.current ? "page" : undefined}
          className={cn(
            "rounded-full border px-3 py-1 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600",
            c.current ? "border-teal-700 bg-teal-50 text-teal-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
          )}
        >
          {c.label}
        </Link>
      ))}
    </nav>
  );
}
