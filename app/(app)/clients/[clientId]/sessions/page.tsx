import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { SESSION_LEVEL_LABELS } from "@/lib/access/sessions";
import { listClientSessions } from "@/lib/clients/list-client-sessions";
import { formatDate } from "../../format";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Sessions");
}

const STATUS = { draft: "Draft", in_progress: "In progress", ready_for_review: "Ready for review", completed: "Completed" } as const;

export default async function ClientSessionsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, chart } = await loadChart(params, "sessions");
  const sessions = await listClientSessions(actor, chart.client.id);
  return (
    <>
      <ChartHeader chart={chart} current="sessions" />
      <p className="mb-4 text-sm text-slate-600">Sessions about this client that you own, that were shared with you, or that your team can see. Access to the chart alone never opens a session.</p>
      {sessions.length === 0 ? (
        <EmptyState title="No sessions you can open" description="Sessions appear here when you own one about this client or a colleague shares one with you." />
      ) : (
        <Table>
          <caption className="sr-only">Sessions</caption>
          <THead>
            <Tr>
              <Th>Session</Th>
              <Th>Status</Th>
              <Th>Owner</Th>
              <Th>Your access</Th>
              <Th>Created</Th>
            </Tr>
          </THead>
          <TBody>
            {sessions.map((s) => (
              <Tr key={s.id}>
                <Td>
                  <Link className="font-medium text-teal-800 hover:underline" href={`/sessions/${s.id}`}>
                    {s.title}
                  </Link>
                </Td>
                <Td label="Status">{STATUS[s.status]}</Td>
                <Td label="Owner">{s.ownerName}</Td>
                <Td label="Your access">{SESSION_LEVEL_LABELS[s.myLevel]}</Td>
                <Td label="Created">{formatDate(s.createdAt)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
