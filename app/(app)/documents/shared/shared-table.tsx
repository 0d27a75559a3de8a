"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { ShareStateBadge } from "@/components/access/share-state-badge";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { RowCheckbox } from "@/components/ui/row-checkbox";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { DOCUMENT_KIND_LABELS } from "@/lib/access/documents";
import type { ExternalShareItem } from "@/lib/documents/list-external-shares";
import { formatDate, formatDateOrDash } from "@/lib/format/dates";
import { revokeSharesAction } from "../actions";


/**
 * The shares of one page with a checkbox each (those the viewer may revoke) and one Revoke for the
 * selection, confirmed first. The server checks every share again and revokes all or none.
 * `empty` is shown instead of the table when the view has no shares; the form stays, so the note
 * after revoking a view's last shares stays too.
 */
export function SharedExternallyTable({ items, caption, empty }: { items: ExternalShareItem[]; caption: string; empty?: ReactNode }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const revocable = items.filter((i) => i.canRevoke);
  const allChosen = revocable.length > 0 && revocable.every((i) => selected.has(i.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const count = [...selected].filter((id) => revocable.some((i) => i.id === id)).length;
  const selectAll = (on: boolean) => setSelected(on ? new Set(revocable.map((i) => i.id)) : new Set());

  return (
    <ActionForm
      action={async (prev, data) => {
        const state = await revokeSharesAction(prev, data);
        if (state.ok) setSelected(new Set());
        return state;
      }}
      // Named for what it does only while it holds the table.
      aria-label={empty ? undefined : "Revoke selected shares"}
      successMessage="Revoked. Those links stop working at once."
    >
      {empty ?? (
        <>
          {/* A view where nothing can be revoked (the revoked shares, or none of them yours) offers no selection. */}
          {revocable.length > 0 && (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="flex items-center gap-3">
                {/* On a narrow screen the table's header row (and its select-all box) is not shown. */}
                <RowCheckbox className="sm:hidden" aria-label="Select all shares on this page" checked={allChosen} onChange={(e) => selectAll(e.target.checked)} />
                <p className="text-sm text-slate-700" role="status">
                  {count === 0 ? "Select shares to revoke them." : `${count} selected`}
                </p>
              </div>
              <ConfirmButton
                variant="secondary"
                disabled={count === 0}
                title={`Revoke ${count === 1 ? "this share" : `these ${count} shares`}?`}
                description="Each contact's link stops working at once, also in a browser where it is already open. To share again, share the document anew."
                confirmLabel="Revoke access"
                pendingLabel="Revoking…"
              >
                Revoke selected
              </ConfirmButton>
            </div>
          )}
          {[...selected].map((id) => (
            <input key={id} type="hidden" name="shareIds" value={id} />
          ))}
          <Table>
            <caption className="sr-only">{caption}</caption>
            <THead>
              <Tr>
                <Th className="w-10">
                  {revocable.length > 0 && (
                    <RowCheckbox
                      aria-label="Select all shares on this page"
                      checked={allChosen}
                      onChange={(e) => selectAll(e.target.checked)}
                    />
                  )}
                </Th>
                <Th>Document</Th>
                <Th>Client</Th>
                <Th>Contact</Th>
                <Th>State</Th>
                <Th>Sent</Th>
                <Th>Opened</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((s) => (
                <Tr key={s.id} data-testid="external-share-row">
                  <Td>
                    {s.canRevoke && (
                      <RowCheckbox
                        aria-label={`Select ${s.documentTitle}, shared with ${s.contactName}`}
                        checked={selected.has(s.id)}
                        onChange={(e) => toggle(s.id, e.target.checked)}
                      />
                    )}
                  </Td>
                  <Td>
                    <Link href={`/documents/${s.documentId}`} className="font-medium text-teal-800 hover:underline">
                      {s.documentTitle}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {DOCUMENT_KIND_LABELS[s.documentKind]}
                      {s.moreDocuments > 0 && ` · and ${s.moreDocuments} more ${s.moreDocuments === 1 ? "document" : "documents"} in this link`}
                    </span>
                  </Td>
                  <Td label="Client">{s.clientName}</Td>
                  <Td label="Contact">
                    {s.contactName}
                    {s.contactOrganisation && <span className="block text-xs text-slate-600">{s.contactOrganisation}</span>}
                    <span className="block text-xs text-slate-600">by {s.sharedByName}</span>
                  </Td>
                  <Td label="State">
                    <ShareStateBadge state={s.state} />
                  </Td>
                  <Td label="Sent" className="whitespace-nowrap">{formatDate(s.sentAt)}</Td>
                  <Td label="Opened" className="whitespace-nowrap">{formatDateOrDash(s.firstOpenedAt)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </ActionForm>
  );
}
