import { formatDateTime } from "@/lib/format/dates";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getOutboxMessage, listOutboxMessages, requireOutboxViewer } from "@/lib/outbox/outbox-viewer";
import { CopyButton } from "@/components/ui/copy-button";
import { isUuid } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Outbox (development)" };

// Decided per request (OUTBOX_VIEWER is read at runtime), never prerendered.
export const dynamic = "force-dynamic";

const PAGE_SIZE = 25;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ id?: string; page?: string }> }) {
  await requireOutboxViewer();
  const params = await searchParams;
  const page = Math.max(1, Number(params.page) || 1);
  const { items, total } = await listOutboxMessages({ page, pageSize: PAGE_SIZE });
  const selectedId = params.id && isUuid(params.id) ? params.id : items[0]?.id;
  const selected = selectedId ? await getOutboxMessage(selectedId) : null;
  const href = (p: { id?: string; page?: number }) => `/dev/outbox?${new URLSearchParams({ ...(p.page && p.page > 1 ? { page: String(p.page) } : {}), ...(p.id ? { id: p.id } : {}) })}`;

  return (
    <main className="mx-auto max-w-7xl p-6">
      <h1 className="text-xl font-semibold text-slate-900">Outbox</h1>
      <p className="mb-4 text-sm text-slate-600">Every email and text the app has sent, newest first. Development only, for admins: nothing here leaves the machine unless a provider is configured.</p>
      {items.length === 0 ? (
        <EmptyState title="No messages yet" description="Invite a member or share something, and the message appears here." />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[22rem_1fr]">
          <div>
            <ul aria-label="Messages" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {items.map((m) => (
                <li key={m.id}>
                  <Link
                    href={href({ id: m.id, page })}
                    aria-current={m.id === selected?.id ? "true" : undefined}
                    className={`block px-3 py-2 text-sm hover:bg-slate-50 ${m.id === selected?.id ? "bg-teal-50" : ""}`}
                  >
                    <span className="flex items-center gap-2">
                      <Badge tone={m.channel === "email" ? "info" : "warning"}>{m.channel === "email" ? "Email" : "SMS"}</Badge>
                      <span className="truncate text-slate-500">{m.to}</span>
                    </span>
                    <span className="mt-1 block truncate font-medium text-slate-900">{m.preview}</span>
                    <span className="block text-xs text-slate-500">{formatDateTime(m.createdAt)}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefForPage={(p) => href({ page: p })} className="mt-3" />
          </div>
          {selected && (
            <article aria-label="Message" className="rounded-lg border border-slate-200 bg-white p-4">
              <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-500">To</dt>
                <dd data-testid="message-to">{selected.to}</dd>
                {selected.subject && (
                  <>
                    <dt className="text-slate-500">Subject</dt>
                    <dd data-testid="message-subject">{selected.subject}</dd>
                  </>
                )}
                <dt className="text-slate-500">Template</dt>
                <dd>{selected.template}</dd>
                <dt className="text-slate-500">Status</dt>
                <dd>
                  {selected.status.replace("_", " ")} · {selected.attempts} attempt{selected.attempts === 1 ? "" : "s"}
                </dd>
                {selected.link && (
                  <>
                    <dt className="text-slate-500">Link</dt>
                    <dd className="flex flex-wrap items-center gap-2">
                      <a data-testid="message-link" href={selected.link} className="break-all text-teal-800 underline">
                        {selected.link}
                      </a>
                      <CopyButton text={selected.link} label="Copy link" />
                    </dd>
                  </>
                )}
              </dl>
              {selected.html ? (
                <iframe title="Email as the recipient sees it" srcDoc={selected.html} sandbox="" className="mt-4 h-[36rem] w-full rounded border border-slate-200" />
              ) : null}
              <h2 className="mt-4 text-sm font-medium text-slate-700">{selected.html ? "Plain-text part" : "Text"}</h2>
              <pre data-testid="message-text" className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm text-slate-800">
                {selected.text}
              </pre>
            </article>
          )}
        </div>
      )}
    </main>
  );
}
