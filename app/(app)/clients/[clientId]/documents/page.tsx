import type { Metadata } from "next";
import Link from "next/link";
import { DocumentShares } from "@/components/documents/document-shares";
import { EmptyState } from "@/components/ui/empty-state";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DOCUMENT_KIND_LABELS } from "@/lib/access/documents";
import { listClientDocuments } from "@/lib/documents/list-documents";
import { cursorParam } from "@/lib/pagination/list-cursor";
import { listChartReplies } from "@/lib/replies/list-chart-replies";
import { formatDate } from "../../format";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";
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
          <Table>
            <caption className="sr-only">Documents</caption>
            <THead>
              <Tr>
                <Th>Title</Th>
                <Th>Kind</Th>
                <Th>Author</Th>
                <Th>Date</Th>
                <Th>Shared with</Th>
              </Tr>
            </THead>
            <TBody>
              {docs.items.map((d) => (
                <Tr key={d.id}>
                  <Td>
                    <Link className="font-medium text-teal-800 hover:underline" href={`/documents/${d.id}`}>
                      {d.title}
                    </Link>
                  </Td>
                  <Td label="Kind">{DOCUMENT_KIND_LABELS[d.kind]}</Td>
                  <Td label="Author">{d.authorName}</Td>
                  <Td label="Date">{formatDate(d.createdAt)}</Td>
                  <Td label="Shared with">
                    <DocumentShares title={d.title} shares={d.shares} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
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
