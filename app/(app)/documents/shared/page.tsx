import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SHARE_STATE } from "@/components/access/share-state-badge";
import { cn } from "@/components/ui/cn";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canSeeExternalShares } from "@/lib/access/documents";
import { requireStaff } from "@/lib/auth/staff-actor";
import { listExternalShares, type ExternalShareFilter } from "@/lib/documents/list-external-shares";
import { cursorParam } from "@/lib/pagination/list-cursor";
import { SharedExternallyTable } from "./shared-table";

export const metadata: Metadata = { title: "Shared externally" };

const FILTERS: { value: ExternalShareFilter; label: string }[] = [
  { value: "live", label: "All live" },
  ...(["sent", "opened", "downloaded", "expired", "locked", "revoked"] as const).map((s) => ({ value: s, label: SHARE_STATE[s].label })),
];

export default async function SharedExternallyPage({ searchParams }: { searchParams: Promise<{ state?: string; after?: string | string[]; before?: string | string[] }> }) {
  const actor = await requireStaff();
  if (!canSeeExternalShares(actor)) notFound();
  const params = await searchParams;
  const state = FILTERS.find((f) => f.value === params.state)?.value ?? "live";
  const page = await listExternalShares(actor, { state, after: cursorParam(params.after), before: cursorParam(params.before) });
  const href = (p: { state?: ExternalShareFilter; after?: string; before?: string }) =>
    `/documents/shared?${new URLSearchParams({ ...(p.state && p.state !== "live" ? { state: p.state } : {}), ...(p.after ? { after: p.after } : {}), ...(p.before ? { before: p.before } : {}) })}`;
  const current = FILTERS.find((f) => f.value === state)!;

  return (
    <>
      <PageHeader
        title="Shared externally"
        description="Documents of the clients you can see that were sent to contacts outside the clinic, with the state of each link. Select shares to revoke them together."
      />
      <nav aria-label="Filter by state" className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={href({ state: f.value })}
            aria-current={f.value === state ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600",
              f.value === state ? "border-teal-700 bg-teal-50 text-teal-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {page.items.length === 0 && !page.prevCursor ? (
        <EmptyState
          title={state === "live" ? "Nothing shared externally" : `No ${current.label.toLowerCase()} shares`}
          description="Documents shared with GPs, insurers and other clinics from a document's Share button are listed here."
        />
      ) : (
        <>
          <SharedExternallyTable
            items={page.items}
            caption={`External shares: ${current.label.toLowerCase()}`}
          />
          <CursorPagination prevHref={page.prevCursor ? href({ state, before: page.prevCursor }) : null} nextHref={page.nextCursor ? href({ state, after: page.nextCursor }) : null} />
        </>
      )}
    </>
  );
}
