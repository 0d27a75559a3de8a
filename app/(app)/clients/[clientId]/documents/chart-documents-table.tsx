"use client";

import Link from "next/link";
import { useState } from "react";
import { DocumentShares } from "@/components/documents/document-shares";
import { Button, ButtonLink } from "@/components/ui/button";
import { RowCheckbox } from "@/components/ui/row-checkbox";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DOCUMENT_KIND_LABELS } from "@/lib/access/documents";
import type { DocumentListItem } from "@/lib/documents/list-documents";
import { MAX_DOCUMENTS_PER_SHARE } from "@/lib/documents/share-limits";
import { formatDate } from "@/lib/format/dates";
import { shareSelectionHref } from "@/lib/documents/share-selection";


/**
 * A chart's documents, with a checkbox on each the person's role may share: "Share selected" opens
 * the first one's Share dialog with the others already added (one email, one link, one code). The
 * server checks every document again when the share is sent.
 */
export function ChartDocumentsTable({ items, shareable }: { items: DocumentListItem[]; shareable: string[] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const full = chosen.length >= MAX_DOCUMENTS_PER_SHARE;
  const canSelect = shareable.length > 0;
  return (
    <div className="space-y-3">
      {canSelect && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" role="status">
            {chosen.length === 0 ? "Select documents to share them together." : `${chosen.length} selected${full ? ` (at most ${MAX_DOCUMENTS_PER_SHARE} in one share)` : ""}`}
          </p>
          {chosen.length > 0 ? (
            <ButtonLink href={shareSelectionHref(chosen)} variant="primary">
              Share selected
            </ButtonLink>
          ) : (
            <Button variant="primary" disabled>
              Share selected
            </Button>
          )}
        </div>
      )}
      <Table>
        <caption className="sr-only">Documents, newest first</caption>
        <THead>
          <Tr>
            {canSelect && <Th className="w-10"><span className="sr-only">Select</span></Th>}
            <Th>Title</Th>
            <Th>Kind</Th>
            <Th>Author</Th>
            <Th>Date</Th>
            <Th>Shared with</Th>
          </Tr>
        </THead>
        <TBody>
          {items.map((d) => {
            const checked = chosen.includes(d.id);
            return (
              <Tr key={d.id}>
                {canSelect && (
                  <Td>
                    {shareable.includes(d.id) ? (
                      <RowCheckbox
                        aria-label={`Select ${d.title}`}
                        checked={checked}
                        disabled={!checked && full}
                        onChange={(e) => setChosen((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))}
                      />
                    ) : (
                      // Not one you may share (its kind, for your role): the document's own Share button says why.
                      <span className="text-slate-400" title="You can't share this document from here: its page says why.">
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">Can&apos;t be shared from here; the document&apos;s page says why</span>
                      </span>
                    )}
                  </Td>
                )}
                <Td>
                  <Link className="font-medium text-teal-800 hover:underline" href={`/documents/${d.id}`}>
                    {d.title}
                  </Link>
                </Td>
                <Td label="Kind">{DOCUMENT_KIND_LABELS[d.kind]}</Td>
                <Td label="Author">{d.authorName}</Td>
                <Td label="Date">{formatDate(d.createdAt)}</Td>
                <Td label="Shared with">
                  <DocumentShares title={d.title} shares={d.shares} />
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
