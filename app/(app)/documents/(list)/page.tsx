import type { Metadata } from "next";
import Link from "next/link";
import { DocumentShares } from "@/components/documents/document-shares";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterChips } from "@/components/ui/filter-chips";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPagination, PageNowEmpty } from "@/components/ui/cursor-pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { canSeeExternalShares, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, kindsFor, type DocumentKind } from "@/lib/access/documents";
import { requireStaffWith } from "@/lib/access/require-area";
import { listDocuments } from "@/lib/documents/list-documents";
import { formatDate } from "@/lib/format/dates";
import { cursorParam } from "@/lib/pagination/list-cursor";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<{ kind?: string; after?: string | string[]; before?: string | string[] }> }) {
  const actor = await requireStaffWith("letters:view", "patients:view", "labs:view", "invoices:view");
  const params = await searchParams;
  const visibleKinds = kindsFor(actor, "view");
  const kind = visibleKinds.includes(params.kind as DocumentKind) ? (params.kind as DocumentKind) : undefined;
  const { items, nextCursor, prevCursor } = await listDocuments(actor, { kind, after: cursorParam(params.after), before: cursorParam(params.before) });
  const canCreate = kindsFor(actor, "edit").length > 0;
  const canSeeShares = canSeeExternalShares(actor);
  const href = (p: { kind?: DocumentKind; after?: string; before?: string }) =>
    `/documents?${new URLSearchParams({ ...(p.kind ? { kind: p.kind } : {}), ...(p.after ? { after: p.after } : {}), ...(p.before ? { before: p.before } : {}) })}`;

  return (
    <>
      <PageHeader
        title="Documents"
        description="Letters, prescriptions, documents, lab results and invoices of the clients you can see."
        actions={
          canCreate || canSeeShares ? (
            <div className="flex flex-wrap gap-2">
              {canSeeShares && <ButtonLink href="/documents/shared" variant="secondary">Shared externally</ButtonLink>}
              {canCreate && <ButtonLink href="/documents/new" variant="primary">New document</ButtonLink>}
            </div>
          ) : undefined
        }
      />
      <FilterChips
        label="Filter by kind"
        chips={[undefined, ...DOCUMENT_KINDS.filter((k) => visibleKinds.includes(k))].map((k) => ({ key: k ?? "all", label: k ? `${DOCUMENT_KIND_LABELS[k]}s` : "All", href: href({ kind: k }), current: k === kind }))}
      />
      {items.length === 0 && !prevCursor && (params.after || params.before) ? (
        <PageNowEmpty firstPageHref={href({ kind })} what="documents" />
      ) : items.length === 0 && !prevCursor ? (
        <EmptyState
          title={kind ? `No ${DOCUMENT_KIND_LABELS[kind].toLowerCase()}s yet` : "No documents yet"}
          description="Documents you create for your clients, and those your colleagues create for clients you can see, are listed here."
          action={canCreate ? <ButtonLink href="/documents/new" variant="primary">New document</ButtonLink> : undefined}
        />
      ) : (
        <>
          <Table>
            <caption className="sr-only">{kind ? `${DOCUMENT_KIND_LABELS[kind]}s` : "Documents"}, newest first</caption>
            <THead>
              <Tr>
                <Th>Title</Th>
                <Th>Kind</Th>
                <Th>Client</Th>
                <Th>Author</Th>
                <Th>Updated</Th>
                <Th>Shared with</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((d) => (
                <Tr key={d.id}>
                  <Td>
                    <Link href={`/documents/${d.id}`} className="font-medium text-teal-800 hover:underline">
                      {d.title}
                    </Link>
                  </Td>
                  <Td label="Kind">
                    <Badge>{DOCUMENT_KIND_LABELS[d.kind]}</Badge>
                  </Td>
                  <Td label="Client">{d.clientName}</Td>
                  <Td label="Author">{d.authorName}</Td>
                  <Td label="Updated" className="whitespace-nowrap text-slate-600">{formatDate(d.updatedAt)}</Td>
                  <Td label="Shared with">
                    <DocumentShares title={d.title} shares={d.shares} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <CursorPagination prevHref={prevCursor ? href({ kind, before: prevCursor }) : null} nextHref={nextCursor ? href({ kind, after: nextCursor }) : null} />
        </>
      )}
    </>
  );
}
