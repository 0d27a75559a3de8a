import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { shareBlockers } from "@/lib/access/documents";
import { listClientDocuments } from "@/lib/documents/list-documents";
import { cursorParam } from "@/lib/pagination/list-cursor";
import { listChartReplies } from "@/lib/replies/list-chart-replies";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";
import { ChartDocumentsTable } from "./chart-documents-table";
import { ChartInboxCard } from "./inbox";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Documents");
}

export default async function ClientDocumentsPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ after?: string | string[]; before?: string | string[] }> }) {
  const { actor, chart } = await loadChart(params, "documents");
  const cursor = await searchParams;
  // The documents domain applies each kind's own area permission (letters, labs, invoices …).
  const [docs, inbox] = await Promise.all([
    listClientDocuments(actor, chart.client.id, { after: cursorParam(cursor.after), before: cursorParam(cursor.before) }),
    listChartReplies(actor, chart.client.id),
  ]);
  const href = (c: { after?: string; before?: string }) => `/clients/${chart.client.id}/documents?${new URLSearchParams(c)}`;
  return (
    <>
      <ChartHeader chart={chart} current="documents" />
      <ChartInboxCard clientId={chart.client.id} inbox={inbox} />
      {docs.items.length === 0 && !docs.prevCursor ? (
        <EmptyState title="No documents yet" description="Letters, prescriptions, lab results and invoices for this client will be listed here." />
      ) : (
        <>
          <ChartDocumentsTable
            items={docs.items}
            // Emergency access reads the chart only: nothing of it is shared from there.
            shareable={chart.emergencyUntil ? [] : docs.items.filter((d) => shareBlockers(actor, d.kind, true).length === 0).map((d) => d.id)}
          />
          <CursorPagination
            prevHref={docs.prevCursor ? href({ before: docs.prevCursor }) : null}
            nextHref={docs.nextCursor ? href({ after: docs.nextCursor }) : null}
            className="mt-3"
          />
        </>
      )}
    </>
  );
}
