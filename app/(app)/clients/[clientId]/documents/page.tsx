import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DOCUMENT_KIND_LABELS } from "@/lib/access/documents";
import { listClientDocuments } from "@/lib/documents/list-documents";
import { formatDate } from "../../format";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Documents");
}

const PAGE_SIZE = 25;

export default async function ClientDocumentsPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ page?: string }> }) {
  const { actor, chart } = await loadChart(params, "documents");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  // The documents domain applies each kind's own area permission (letters, labs, invoices …).
  const docs = await listClientDocuments(actor, chart.client.id, { page, pageSize: PAGE_SIZE });
  return (
    <>
      <ChartHeader chart={chart} current="documents" />
      {docs.total === 0 ? (
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
                  <Td>{DOCUMENT_KIND_LABELS[d.kind]}</Td>
                  <Td>{d.authorName}</Td>
                  <Td>{formatDate(d.createdAt)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={docs.total} hrefForPage={(p) => `/clients/${chart.client.id}/documents?page=${p}`} className="mt-3" />
        </>
      )}
    </>
  );
}
