"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** Switches between the profiles this login may see (several charts of one person, or family members). */
export function ProfileSwitcher({ profiles }: { profiles: { id: string; name: string; detail: string | null; clinic: string }[] }) {
  const path = usePathname();
  return (
    <nav aria-label="Your profiles" className="-mb-px flex gap-1 overflow-x-auto">
      {profiles.map((p) => {
        const href = `/portal/profiles/${p.id}`;
        const current = path === href || path.startsWith(`${href}/`);
        return (
          <Link
            key={p.id}
            href={href}
            aria-current={current ? "page" : undefined}
            className={cn("flex min-h-11 items-center border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap", current ? "border-teal-700 text-teal-800" : "border-transparent text-slate-600 hover:text-slate-900")}
          >
            {p.name}
            {p.detail ? <span className="ml-1 font-normal text-slate-500">· {p.detail}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
