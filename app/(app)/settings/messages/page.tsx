import type { Metadata } from "next";
import { formatDateOrDash } from "@/lib/format/dates";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireStaffWith } from "@/lib/access/require-area";
import { deliveryFailureText, MESSAGE_KIND_LABELS } from "@/lib/outbox/failure-text";
import { listUndeliveredMessages } from "@/lib/outbox/list-undelivered-messages";
import { RetryForm } from "./retry-form";

export const metadata: Metadata = { title: "Messages" };

const PAGE_SIZE = 25;
const when = (d: Date | null) => formatDateOrDash(d, true);

export default async function MessagesSettingsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireStaffWith("settings:edit");
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1);
  const { items, total, retrying } = await listUndeliveredMessages(actor, { page, pageSize: PAGE_SIZE });
  return (
    <Card aria-labelledby="messages-heading">
      <CardHeader
        id="messages-heading"
        title="Undelivered messages"
        description="Emails and texts the mail or SMS provider did not accept. Carebridge retries each one for 24 hours (access codes for 10 minutes, as they expire), then lists it here."
      />
      {retrying > 0 && (
        <p role="status" className="border-b border-slate-100 px-5 py-3 text-sm text-amber-800">
          {retrying === 1 ? "1 message is" : `${retrying} messages are`} being retried after the provider refused {retrying === 1 ? "it" : "them"}.
        </p>
      )}
      {items.length === 0 ? (
        <div className="p-5">
          <EmptyState title="Every message was delivered" description="Messages the provider refuses for 24 hours appear here, with the reason and a Retry button." />
        </div>
      ) : (
        <>
          <Table wrapperClassName="rounded-none border-0">
            <caption className="sr-only">Undelivered messages, newest first</caption>
            <THead>
              <Tr>
                <Th>Message</Th>
                <Th>To</Th>
                <Th>Reason</Th>
                <Th>Queued</Th>
                <Th>Given up</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((m) => (
                <Tr key={m.id} data-testid="undelivered-message">
                  <Td>
                    <span className="font-medium">{MESSAGE_KIND_LABELS[m.kind] ?? m.kind}</span>
                    <span className="block text-xs text-slate-500">
                      <Badge>{m.channel === "email" ? "Email" : "Text"}</Badge> {m.attempts} {m.attempts === 1 ? "attempt" : "attempts"}
                    </span>
                  </Td>
                  <Td label="To" className="break-all">{m.to}</Td>
                  <Td label="Reason">{deliveryFailureText(m.reason)}</Td>
                  <Td label="Queued" className="whitespace-nowrap">{when(m.createdAt)}</Td>
                  <Td label="Given up" className="whitespace-nowrap">{when(m.failedAt)}</Td>
                  <Td>{m.canRetry ? <RetryForm messageId={m.id} /> : <span className="text-xs text-slate-500">The contact can ask for a new code.</span>}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination className="px-5 py-3" page={page} pageSize={PAGE_SIZE} total={total} hrefForPage={(p) => `/settings/messages?page=${p}`} />
        </>
      )}
    </Card>
  );
}
