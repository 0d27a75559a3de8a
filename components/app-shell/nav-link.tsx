"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Icon, type NavIconName } from "./icons";

export type NavLinkProps = {
  href: string;
  label: string;
  icon?: NavIconName;
  className?: string;
  onNavigate?: () => void;
};

/** True when `pathname` is `href` or below it (`href + "/"…`). */
export function isActivePath(pathname: string | null, href: string): boolean {
  if (!pathname) return false;
  if (pathname === href) return true;
  const base = href.endsWith("/") ? href : `${href}/`;
  return href !== "/" && pathname.startsWith(base);
}

/** Sidebar link that highlights itself (aria-current="page") on its route and sub-routes. */
export function NavLink({ href, label, icon, className, onNavigate }: NavLinkProps) {
  const pathname = usePathname();
  const active = isActivePath(pathname, href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
      className={cn(
        "group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
        "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 focus-visible:ring-offset-white",
        active ? "bg-teal-50 text-teal-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
        className,
      )}
    >
      {icon ? (
        <Icon
          name={icon}
          className={cn("shrink-0", active ? "text-teal-700" : "text-slate-500 group-hover:text-slate-700")}
        />
      ) : null}
      <span className="truncate">{label}</span>
    </Link>
  );
}
