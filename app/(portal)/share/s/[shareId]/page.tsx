import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/sessions/session-badges";
import { DocumentView } from "@/components/documents/document-view";
import { PrintButton } from "@/components/documents/print-button";
import { buttonClasses } from "@/components/ui/button";
import { currentShareAccess } from "@/lib/portal/portal-request";
import { viewSharedDocument } from "@/lib/portal/share-access";
import { rateLimit } from "@/lib/rate-limit";
import { notFound } from "next/navigation";
import { RateLimitedMessage } from "../../portal-message";
import { idOrNotFound } from "@/lib/access/or-not-found";

export const metadata: Metadata = { title: "Shared document" };

/** The document, for a browser that came through the link (and the code). The URL carries no token. */
export default async function SharedDocumentPage({ params }: { params: Promise<{ shareId: string }> }) {
  const shareId = idOrNotFound((await params).shareId);
  const { row, client } = await currentShareAccess(shareId);
  if (!(await rateLimit("portalIp", client.ip ?? "unknown")).success) return <RateLimitedMessage />;
  // 404 with the calm page (not-found.tsx).
  if (!row) notFound();
  const model = await viewSharedDocument(row, client);
  return (
    <div className="space-y-4">
      <div data-print="hide" className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          <span className="font-medium text-slate-900">{row.sender.name}</span>, {model.clinic.name}, shared this with you on {formatDate(row.share.sentAt)}
        </p>
        <div className="flex flex-wrap gap-2">
          <PrintButton auditUrl={`/share/s/${shareId}/print`} />
          <a href={`/share/s/${shareId}/pdf`} className={buttonClasses({ variant: "primary" })} download>
            Download PDF
          </a>
          {model.file && (
            <a href={`/share/s/${shareId}/file`} className={buttonClasses({ variant: "secondary" })} download>
              Attached PDF
            </a>
          )}
        </div>
      </div>
      <DocumentView model={model} />
      <section data-print="hide" aria-labelledby="reply-heading" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-5 py-4">
        <div>
          <h2 id="reply-heading" className="text-sm font-semibold text-slate-900">
            Sending something back?
          </h2>
          <p className="text-sm text-slate-600">A signed form, a report or a scan goes securely to {row.sender.name}.</p>
        </div>
        <Link href={`/share/s/${shareId}/reply`} className={buttonClasses({ variant: "secondary" })}>
          Send a document back
        </Link>
      </section>
    </div>
  );
}
