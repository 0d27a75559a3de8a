import Link from "next/link";
import { EmergencyAccessBanner } from "@/components/access/emergency-access-banner";
import { Badge } from "@/components/ui/badge";
import { TabStrip } from "@/components/ui/tab-strip";
import type { ClientChart } from "@/lib/clients/get-client-chart";
import { ChartActions } from "./chart-actions";
import { formatDate } from "../format";

const TABS = [
  { key: "overview", label: "Overview", path: "" },
  { key: "sessions", label: "Sessions", path: "/sessions" },
  { key: "documents", label: "Documents", path: "/documents" },
  { key: "portal", label: "Portal", path: "/portal" },
  { key: "access", label: "Access", path: "/access" },
] as const;

/** The chart's title, its "…" menu (admins) and its tabs. */
export function ChartHeader({ chart, current }: { chart: ClientChart; current: (typeof TABS)[number]["key"] | null }) {
  const c = chart.client;
  const base = `/clients/${c.id}`;
  const menu = [
    chart.abilities.manageAccess ? { href: `${base}/access`, label: "Manage access" } : null,
    chart.abilities.createProfile ? { href: `${base}/separate-profile`, label: "Create a separate profile for this person…" } : null,
  ].filter((x): x is { href: string; label: string } => x !== null);
  return (
    <div className="mb-6">
      <EmergencyAccessBanner until={chart.emergencyUntil} what="chart" />
      <div className="mb-1 text-sm text-slate-500">
        <Link href="/clients" className="hover:underline">
          Clients
        </Link>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {c.firstName} {c.lastName}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {c.dateOfBirth ? <span>Born {formatDate(c.dateOfBirth)}</span> : null}
            {c.email ? <span>{c.email}</span> : <span className="text-slate-600">No email</span>}
            {c.profileLabel ? <Badge>{c.profileLabel}</Badge> : null}
            {chart.linkedProfiles.some((p) => p.relationship === "self") ? <Badge tone="info">Separate profile of the same person</Badge> : null}
          </p>
        </div>
        {menu.length > 0 ? (
          <ChartActions items={menu} />
        ) : null}
      </div>
      <TabStrip label="Chart" className="mt-4" tabs={TABS.map((t) => ({ href: `${base}${t.path}`, label: t.label, current: current === t.key }))} />
    </div>
  );
}
