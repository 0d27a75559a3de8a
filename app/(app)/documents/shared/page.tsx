import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SHARE_STATE } from "@/components/access/share-state-badge";
import { CursorPagination, PageNowEmpty } from "@/components/ui/cursor-pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterChips } from "@/components/ui/filter-chips";
import { PageHeader } from "@/components/ui/page-header";
import { canSeeExternalShares } from "@/lib/access/documents";
import { requireStaff } from "@/lib/auth/staff-actor";
import { EXTERNAL_SHARE_FILTERS, listExternalShares, type ExternalShareFilter } from "@/lib/documents/list-external-shares";
import { cursorParam } from "@/lib/pagination/list-cursor";
import { SharedExternallyTable } from "./shared-table";

export const metadata: Metadata = { title: "Shared externally" };

const FILTERS: { value: ExternalShareFilter; label: string }[] = EXTERNAL_SHARE_FILTERS.map((s) => ({ value: s, label: s === "live" ? "All live" : SHARE_STATE[s].label }));

export default async function SharedExternallyPage({ searchParams }: { searchParams: Promise<{ state?: string; after?: string | string[]; before?: string | string[] }> }) {
  const actor = await requireStaff();
  if (!canSeeExternalShares(actor)) notFound();
  const params = await searchParams;
  const state = FILTERS.find((f) => f.value === params.state)?.value ?? "live";
  const page = await listExternalShares(actor, { state, after: cursorParam(params.after), before: cursorParam(params.before) });
  const paged = Boolean(cursorParam(params.after) || cursorParam(params.before));
  const href = (p: { state?: ExternalShareFilter; after?: string; before?: string }) =>
    `/documents/shared?${new URLSearchParams({ ...(p.state && p.state !== "live" ? { state: p.state } : {}), ...(p.after ? { after: p.after } : {}), ...(p.before ? { before: p.before } : {}) })}`;
  const current = FILTERS.find((f) => f.value === state)!;

  return (
    <>
      <PageHeader
        title="Shared externally"
        description="Documents of the clients you can see that were sent to contacts outside the clinic, with the state of each link. Select shares to revoke them together."
      />
      <FilterChips label="Filter by state" chips={FILTERS.map((f) => ({ key: f.value, label: f.label, href: href({ state: f.value }), current: f.value === state }))} />
      {/* One form for the list and its empty state: revoking the last shares of a view keeps its "Revoked" note on screen. */}
      <SharedExternallyTable
        items={page.items}
        caption={`External shares: ${current.label.toLowerCase()}`}
        empty={
          page.items.length === 0 && !page.prevCursor ? (
            paged ? (
              <PageNowEmpty firstPageHref={href({ state })} what="shares" />
            ) : (
              <EmptyState
                title={state === "live" ? "Nothing shared externally" : `No ${current.label.toLowerCase()} shares`}
                description="Documents shared with GPs, insurers and other clinics from a document's Share button are listed here."
              />
            )
          ) : undefined
        }
      />
      <CursorPagination prevHref={page.prevCursor ? href({ state, before: page.prevCursor }) : null} nextHref={page.nextCursor ? href({ state, after: page.nextCursor }) : null} />
    </>
  );
}
