import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listClientDocuments } from "@/lib/clients/list-client-documents";
import { formatDate } from "../../format";
import { ChartHeader } from "../chart-header";
import { loadChart } from "../load-chart";

export const metadata: Metadata = { title: "Client documents" };

const KIND = { letter: "Letter", prescription: "Prescription", document: "Document", lab_result: "Lab result", invoice: "Invoice" } as const;

export default async function ClientDocumentsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { chart } = await loadChart(params, "documents");
  const docs = await listClientDocuments(chart.client.id);
  return (
    <>
      <ChartHeader chart={chart} current="documents" />
      {docs.length === 0 ? (
        <EmptyState title="No documents yet" description="Letters, prescriptions, lab results and invoices for this client will be listed here." />
      ) : (
        <Table>
          <caption className="sr-only">Documents</caption>
          <THead>
            <Tr>
              <Th>Title</Th>
              <Th>Kind</Th>
              <Th>Date</Th>
            </Tr>
          </THead>
          <TBody>
            {docs.map((d) => (
              <Tr key={d.id}>
                <Td className="font-medium">{d.title}</Td>
                <Td>{KIND[d.kind]}</Td>
                <Td>{formatDate(d.createdAt)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
