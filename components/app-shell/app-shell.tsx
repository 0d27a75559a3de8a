import Link from "next/link";
import type { ReactNode } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { NavIconName } from "./icons";
import { MobileNav } from "./mobile-nav";
import { NavLink } from "./nav-link";

export type NavItem = { href: string; label: string; icon: NavIconName };

export type AppShellProps = {
  organisationName: string;
  userName: string;
  userEmail: string;
  roleName: string;
  /** Already filtered by the caller (permissions). */
  nav: NavItem[];
  /** Server action used as the Sign out form's action. */
  signOut: () => Promise<void>;
  /** Optional header slot, e.g. a notifications bell. */
  bell?: ReactNode;
  /** Replaces the organisation name when the person belongs to several organisations. */
  organisationSwitcher?: ReactNode;
  /** The person's own account page (signed-in devices, password). */
  accountHref?: string;
  /** Where the brand links to. Defaults to the first nav item or "/". */
  homeHref?: string;
  children: ReactNode;
};

function BrandMark() {
  return (
    <svg viewBox="0 0 24 24" className="size-7" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" className="fill-teal-700" />
      <path
        d="M4.5 15.5c2.2-4.3 4.7-6.5 7.5-6.5s5.3 2.2 7.5 6.5M7.5 12.4v3.6M12 9v7M16.5 12.4v3.6M4.5 16h15"
        fill="none"
        stroke="white"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function Sidebar({ nav, homeHref }: { nav: NavItem[]; homeHref: string }) {
  return (
    <div className="flex h-full flex-col">
      <div className="flex h-14 shrink-0 items-center border-b border-slate-200 px-4">
        <Link
          href={homeHref}
          className="flex items-center gap-2.5 rounded-md text-base font-semibold tracking-tight text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2"
        >
          <BrandMark />
          Carebridge
        </Link>
      </div>
      <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
        <ul className="space-y-1">
          {nav.map((item) => (
            <li key={item.href}>
              <NavLink href={item.href} label={item.label} icon={item.icon} />
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

/** The person chip links to their account page when there is one. */
// The link's name comes from its text (a hidden "Your account:" before the person's name), not an
// aria-label: a label would make "Ava Morgan" the label of the header, not of a form field.
function Wrapper({ href, title, children }: { href?: string; title: string; children: ReactNode }) {
  const className = "flex items-center gap-2.5";
  if (!href) return <div className={className} title={title}>{children}</div>;
  return (
    <Link
      href={href}
      title={title}
      className={`${className} rounded-md focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 focus-visible:outline-none`}
    >
      {children}
    </Link>
  );
}

/** The signed-in staff layout: sidebar (drawer under lg), header, and main content. */
export function AppShell({
  organisationName,
  userName,
  userEmail,
  roleName,
  nav,
  signOut,
  bell,
  organisationSwitcher,
  accountHref,
  homeHref,
  children,
}: AppShellProps) {
  const home = homeHref ?? nav[0]?.href ?? "/";
  return (
    <div className="min-h-dvh bg-slate-50">
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-teal-800 focus:shadow-lg focus:ring-2 focus:ring-teal-600 focus:outline-none"
        data-print="hide"
      >
        Skip to content
      </a>

      <aside
        className="fixed inset-y-0 left-0 z-30 hidden w-60 border-r border-slate-200 bg-white lg:block"
        data-print="hide"
      >
        <Sidebar nav={nav} homeHref={home} />
      </aside>

      <div className="flex min-h-dvh flex-col lg:pl-60">
        <header
          className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur supports-[backdrop-filter]:bg-white/80 sm:px-6 lg:px-8"
          data-print="hide"
        >
          <MobileNav>
            <Sidebar nav={nav} homeHref={home} />
          </MobileNav>
          {organisationSwitcher ?? (
            <p className="min-w-0 truncate text-sm font-semibold text-slate-900" title={organisationName}>
              {organisationName}
            </p>
          )}
          <div className="ml-auto flex items-center gap-2 sm:gap-4">
            {bell ? <div className="flex items-center">{bell}</div> : null}
            <Wrapper href={accountHref} title={userEmail}>
              {accountHref ? <span className="sr-only">Your account: </span> : null}
              <span
                className="flex size-8 items-center justify-center rounded-full bg-teal-100 text-xs font-semibold text-teal-800"
                aria-hidden="true"
              >
                {initials(userName)}
              </span>
              <div className="hidden min-w-0 leading-tight md:block">
                <p className="max-w-48 truncate text-sm font-medium text-slate-900">{userName}</p>
                <p className="max-w-48 truncate text-xs text-slate-500">
                  {roleName}
                  <span className="sr-only">, {userEmail}</span>
                </p>
              </div>
              <span className="sr-only md:hidden">
                Signed in as {userName} ({roleName}), {userEmail}
              </span>
            </Wrapper>
            <form action={signOut}>
              <SubmitButton variant="ghost" size="sm" pendingLabel="Signing out…">
                Sign out
              </SubmitButton>
            </form>
          </div>
        </header>

        <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
