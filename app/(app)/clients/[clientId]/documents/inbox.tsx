import { Card, CardHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/dates";
import type { ChartInbox } from "@/lib/replies/list-chart-replies";
import { DiscardReplyForm, FileReplyForm } from "./inbox-forms";

const TYPE_LABEL: Record<string, string> = { "application/pdf": "PDF", "image/png": "PNG image", "image/jpeg": "JPEG image" };

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The chart's Inbox: documents contacts sent back through the sharing portal, to file or discard. Hidden when empty. */
export function ChartInboxCard({ clientId, inbox }: { clientId: string; inbox: ChartInbox }) {
  if (inbox.replies.length === 0) return null;
  return (
    <Card id="inbox" aria-labelledby="inbox-heading" className="mb-6">
      <CardHeader
        id="inbox-heading"
        title={`Inbox (${inbox.replies.length})`}
        description="Documents contacts sent back through the sharing portal. Check each one, then file it on this chart as a document of the right kind, or discard it."
      />
      <ul className="divide-y divide-slate-200">
        {inbox.replies.map((r) => (
          <li key={r.id} className="space-y-3 px-5 py-4" data-testid="inbox-reply">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">
                  {r.filename} <span className="font-normal text-slate-600">· {TYPE_LABEL[r.contentType] ?? "File"} · {size(r.size)}</span>
                </p>
                <p className="text-slate-600">
                  From {r.contactName}
                  {r.contactOrganisation && `, ${r.contactOrganisation}`} · {formatDateTime(r.receivedAt)} · in reply to{" "}
                  <Link href={`/documents/${r.inReplyTo.documentId}`} className="text-teal-800 hover:underline">
                    {r.inReplyTo.title}
                  </Link>
                </p>
                {r.note && <p className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 px-3 py-2 text-slate-800">{r.note}</p>}
              </div>
              <div className="flex flex-wrap gap-2">
                <a href={`/clients/${clientId}/documents/inbox/${r.id}`} className={buttonClasses({ variant: "secondary" })} download>
                  Download<span className="sr-only"> {r.filename}</span>
                </a>
                <DiscardReplyForm replyId={r.id} filename={r.filename} contactName={r.contactName} />
              </div>
            </div>
            {inbox.fileKinds.length > 0 ? (
              <FileReplyForm replyId={r.id} kinds={inbox.fileKinds} defaultTitle={r.filename.replace(/\.[a-z]+$/i, "")} />
            ) : (
              <p className="text-sm text-slate-600">Your role can&apos;t add documents to charts. Ask a colleague who can to file it.</p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
