import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { DocumentView } from "@/components/documents/document-view";
import { PrintButton } from "@/components/documents/print-button";
import { buttonClasses } from "@/components/ui/button";
import { DOCUMENT_KIND_LABELS } from "@/lib/access/documents";
import { currentShareAccess } from "@/lib/portal/portal-request";
import { viewSharedDocument } from "@/lib/portal/share-access";
import { listSharedDocuments, sharedDocumentId } from "@/lib/portal/shared-documents";
import { rateLimit } from "@/lib/rate-limit";
import { notFound } from "next/navigation";
import { RateLimitedMessage } from "../../portal-message";
import { idOrNotFound } from "@/lib/access/or-not-found";
import { isUuid } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Shared document" };

/**
 * The document, for a browser that came through the link (and the code). The URL carries no token.
 * A share of several documents lists them first (each as PDF, all as one ZIP); `?doc=` opens one.
 */
export default async function SharedDocumentPage({ params, searchParams }: { params: Promise<{ shareId: string }>; searchParams: Promise<{ doc?: string | string[] }> }) {
  const shareId = idOrNotFound((await params).shareId);
  const { doc } = await searchParams;
  const { row, client } = await currentShareAccess(shareId);
  if (!(await rateLimit("portalIp", client.ip ?? "unknown")).success) return <RateLimitedMessage />;
  // 404 with the calm page (not-found.tsx).
  if (!row) notFound();
  const several = row.moreLiveDocuments > 0 || Boolean(row.document.deletedAt);
  const requested = typeof doc === "string" && isUuid(doc) ? doc : null;
  if (several && !requested) return <SharedDocumentList shareId={shareId} row={row} />;
  const documentId = await sharedDocumentId(row, requested);
  if (!documentId) notFound();
  const model = await viewSharedDocument(row, client, documentId);
  const query = several ? `?doc=${documentId}` : "";
  return (
    <div className="space-y-4">
      <div data-print="hide" className="flex flex-wrap items-center justify-between gap-3">
        <div className="text-sm text-slate-600">
          {several && (
            <Link href={`/share/s/${shareId}`} className="mb-1 block font-medium text-teal-800 hover:underline">
              ← All shared documents
            </Link>
          )}
          <p>
            <span className="font-medium text-slate-900">{row.sender.name}</span>, {model.clinic.name}, shared this with you on {formatDate(row.share.sentAt)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <PrintButton auditUrl={`/share/s/${shareId}/print${query}`} />
          <a href={`/share/s/${shareId}/pdf${query}`} className={buttonClasses({ variant: "primary" })} download>
            Download PDF
          </a>
          {model.file && (
            <a href={`/share/s/${shareId}/file${query}`} className={buttonClasses({ variant: "secondary" })} download>
              Attached PDF
            </a>
          )}
        </div>
      </div>
      <DocumentView model={model} />
      <SendBack shareId={shareId} senderName={row.sender.name} />
    </div>
  );
}

/** The way to send something back (a reply), under a document and under a list of several. */
function SendBack({ shareId, senderName }: { shareId: string; senderName: string }) {
  return (
    <section data-print="hide" aria-labelledby="reply-heading" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-5 py-4">
      <div>
        <h2 id="reply-heading" className="text-sm font-semibold text-slate-900">
          Sending something back?
        </h2>
        <p className="text-sm text-slate-600">A signed form, a report or a scan goes securely to {senderName}.</p>
      </div>
      <Link href={`/share/s/${shareId}/reply`} className={buttonClasses({ variant: "secondary" })}>
        Send a document back
      </Link>
    </section>
  );
}

async function SharedDocumentList({ shareId, row }: { shareId: string; row: NonNullable<Awaited<ReturnType<typeof currentShareAccess>>["row"]> }) {
  const documents = await listSharedDocuments(row);
  return (
    <section className="space-y-4" aria-labelledby="shared-documents-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="shared-documents-heading" className="text-xl font-semibold text-slate-900">
            {documents.length} shared documents
          </h1>
          <p className="text-sm text-slate-600">
            <span className="font-medium text-slate-900">{row.sender.name}</span>, {row.org.name}, shared these with you on {formatDate(row.share.sentAt)}
          </p>
        </div>
        <a href={`/share/s/${shareId}/zip`} className={buttonClasses({ variant: "primary" })} download>
          Download all (ZIP)
        </a>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="shared-documents">
        {documents.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div>
              <Link href={`/share/s/${shareId}?doc=${d.id}`} className="font-medium text-teal-800 hover:underline">
                {d.title}
              </Link>
              <p className="text-xs text-slate-600">
                {DOCUMENT_KIND_LABELS[d.kind]} · {formatDate(d.updatedAt)}
              </p>
            </div>
            <a href={`/share/s/${shareId}/pdf?doc=${d.id}`} className={buttonClasses({ variant: "secondary", size: "sm" })} download aria-label={`Download ${d.title} as PDF`}>
              Download PDF
            </a>
          </li>
        ))}
      </ul>
      <SendBack shareId={shareId} senderName={row.sender.name} />
    </section>
  );
}
