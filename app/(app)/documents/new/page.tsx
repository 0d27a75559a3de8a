import type { Metadata } from "next";
import Link from "next/link";
import { DocumentForm } from "@/components/documents/document-form";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DOCUMENT_KIND_LABELS, kindsFor, type DocumentKind } from "@/lib/access/documents";
import { requireStaffWith } from "@/lib/access/require-area";
import { listClientChoices } from "@/lib/documents/list-documents";
import { saveDocumentAction } from "../actions";

export const metadata: Metadata = { title: "New document" };

export default async function NewDocumentPage({ searchParams }: { searchParams: Promise<{ kind?: string; clientId?: string }> }) {
  const actor = await requireStaffWith("letters:edit", "patients:edit", "labs:edit", "invoices:edit");
  const params = await searchParams;
  const kinds = kindsFor(actor, "edit");
  const kind = kinds.includes(params.kind as DocumentKind) ? (params.kind as DocumentKind) : kinds[0]!;
  const clients = await listClientChoices(actor);
  const clientId = clients.some((c) => c.id === params.clientId) ? params.clientId : undefined;
  return (
    <>
      <PageHeader eyebrow={<Link href="/documents" className="hover:underline">Documents</Link>} title={`New ${DOCUMENT_KIND_LABELS[kind].toLowerCase()}`} />
      <nav aria-label="Kind of document" className="mb-4 flex flex-wrap gap-2">
        {kinds.map((k) => (
          <Link
            key={k}
            href={`/documents/new?${new URLSearchParams({ kind: k, ...(clientId ? { clientId } : {}) })}`}
            aria-current={k === kind ? "page" : undefined}
            className={cn("rounded-full border px-3 py-1 text-sm", k === kind ? "border-teal-700 bg-teal-50 text-teal-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50")}
          >
            {DOCUMENT_KIND_LABELS[k]}
          </Link>
        ))}
      </nav>
      {clients.length === 0 ? (
        <EmptyState title="No clients to file a document for" description="You can create documents for clients whose chart you can see. Ask an admin to add you to a client's access list." />
      ) : (
        <Card className="max-w-4xl">
          <CardBody>
            <DocumentForm key={kind} action={saveDocumentAction} kind={kind} clients={clients} clientId={clientId} doc={null} />
          </CardBody>
        </Card>
      )}
    </>
  );
}
