"use client";

import { useId, useState } from "react";
import { useActionFormState } from "@/components/forms/action-form";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/access/documents";
import { MAX_DOCUMENTS_PER_SHARE } from "@/lib/documents/share-limits";
import { formatDate } from "@/lib/format/dates";

export interface MoreDocumentOption {
  id: string;
  kind: DocumentKind;
  title: string;
  updatedAt: Date;
}

/**
 * "Add documents of this client": ticked documents go in the same share (one email, one link,
 * one code). Inside an ActionForm: the field `moreDocumentIds`, and its error names the refused ones.
 */
export function MoreDocumentsField({ documents, initial = [] }: { documents: MoreDocumentOption[]; initial?: string[] }) {
  const { state } = useActionFormState();
  const [chosen, setChosen] = useState<string[]>(initial);
  const legendId = useId();
  const errorId = useId();
  const error = state.fieldErrors?.moreDocumentIds;
  const full = chosen.length >= MAX_DOCUMENTS_PER_SHARE - 1;
  if (documents.length === 0) return null;
  return (
    <fieldset aria-labelledby={legendId} aria-describedby={error ? errorId : undefined} className="space-y-1.5">
      <legend id={legendId} className="text-sm font-medium text-slate-800">
        Add documents of this client <span className="font-normal text-slate-600">(optional)</span>
      </legend>
      <p className="text-sm text-slate-600">
        {chosen.length === 0 ? "They go in the same email and link, behind the same code." : `${chosen.length + 1} documents in this share.`}
        {full && ` At most ${MAX_DOCUMENTS_PER_SHARE} in one share.`}
      </p>
      <ul className="max-h-44 space-y-1 overflow-y-auto rounded-md border border-slate-200 px-3 py-2">
        {documents.map((d) => {
          const checked = chosen.includes(d.id);
          return (
            <li key={d.id}>
              <label className="flex items-start gap-2.5 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="moreDocumentIds"
                  value={d.id}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))}
                  className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-teal-700 focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50"
                />
                <span>
                  <span className="font-medium">{d.title}</span>
                  <span className="block text-xs text-slate-600">
                    {DOCUMENT_KIND_LABELS[d.kind]} · {formatDate(d.updatedAt)}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700" data-testid="refused-documents">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
