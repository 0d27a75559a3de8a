"use client";

import { useState } from "react";
import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import type { DocumentKind } from "@/lib/access/documents";
import type { DocumentContent } from "@/lib/documents/content";

type Row = Record<string, string>;

/** lib/documents/save-document.ts MAX_UPLOAD_BYTES (a server-only module): checked here first as a hint, the server checks again. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = "The file is too large. Upload a PDF of up to 10 MB.";

const ROWS = {
  prescription: { key: "lines", label: "Medication", fields: [["drug", "Medication"], ["dose", "Dose"], ["frequency", "Frequency"], ["quantity", "Quantity"]] },
  lab_result: { key: "values", label: "Value", fields: [["name", "Measurement"], ["value", "Result"], ["unit", "Unit"], ["low", "Range low"], ["high", "Range high"]] },
  invoice: { key: "items", label: "Line item", fields: [["description", "Description"], ["quantity", "Quantity"], ["unitPrice", "Unit price (£)"]] },
} as const;

/** Each kind's row layout: lab values are one compact row (name, value, unit, low, high, remove) on wide screens. */
const ROW_GRID: Record<keyof typeof ROWS, string> = {
  prescription: "rounded-lg border border-slate-200 p-3 sm:grid-cols-[repeat(auto-fit,minmax(8rem,1fr))_auto]",
  lab_result: "rounded-lg border border-slate-200 p-3 md:rounded-none md:border-0 md:p-0 md:grid-cols-[minmax(0,2.2fr)_minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start",
  invoice: "rounded-lg border border-slate-200 p-3 sm:grid-cols-[repeat(auto-fit,minmax(8rem,1fr))_auto]",
};
const PLACEHOLDERS: Record<string, string> = { value: "e.g. 5.2, <5, Negative" };
const NUMERIC = {
  prescription: [],
  lab_result: ["low", "high"],
  invoice: ["quantity", "unitPrice"],
} as const satisfies Record<keyof typeof ROWS, readonly string[]>;

function initialRows(doc: DocumentContent | null, kind: keyof typeof ROWS): Row[] {
  if (!doc || doc.kind !== kind) return [{}];
  const list = (doc.content as unknown as Record<string, Record<string, unknown>[]>)[ROWS[kind].key] ?? [];
  return list.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? "" : String(v)])));
}

/** Repeated rows (medication lines, lab values, invoice items) with Add/Remove; blank rows are ignored on save. */
function RowsEditor({ kind, doc }: { kind: keyof typeof ROWS; doc: DocumentContent | null }) {
  const spec = ROWS[kind];
  // Stable keys: removing a middle row must not shift what the other rows show.
  const [rows, setRows] = useState<{ key: number; row: Row }[]>(() => initialRows(doc, kind).map((row, key) => ({ key, row })));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-900">{spec.label}s</legend>
      {rows.map(({ key, row }, i) => (
        <div key={key} className={`grid items-end gap-2 ${ROW_GRID[kind]}`}>
          {spec.fields.map(([name, label]) => {
            const field = `content.${spec.key}.${i}.${name}`;
            return (
              <FormField key={field} name={field} label={`${label}`}>
                <Input id={field} name={field} defaultValue={row[name] ?? ""} inputMode={(NUMERIC[kind] as readonly string[]).includes(name) ? "decimal" : undefined} placeholder={kind === "lab_result" ? PLACEHOLDERS[name] : undefined} aria-label={`${label}, ${spec.label.toLowerCase()} ${i + 1}`} />
              </FormField>
            );
          })}
          <Button variant="ghost" size="sm" className={kind === "lab_result" ? "md:mt-6" : undefined} onClick={() => setRows((r) => r.filter((_, n) => n !== i))} disabled={rows.length === 1} aria-label={`Remove ${spec.label.toLowerCase()} ${i + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button variant="secondary" size="sm" onClick={() => setRows((r) => [...r, { key: Math.max(-1, ...r.map((x) => x.key)) + 1, row: {} }])} disabled={rows.length >= 30}>
        Add {spec.label.toLowerCase()}
      </Button>
    </fieldset>
  );
}

/**
 * The PDF upload. A file over 10 MB is refused here, before it is sent (the request would be
 * larger than the server accepts); the server checks the size again whatever this says.
 */
function PdfField({ label }: { label: string }) {
  const [tooLarge, setTooLarge] = useState(false);
  // One tree whatever the state: remounting the input would drop the file just chosen.
  return (
    <div className="space-y-1.5">
      <FormField name="file" label={label} hint="Optional. PDF only, up to 10 MB.">
        <Input
          id="file"
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          aria-invalid={tooLarge || undefined}
          aria-describedby={tooLarge ? "file-hint file-size-error" : undefined}
          onChange={(e) => {
            const chosen = e.currentTarget.files?.[0];
            const over = Boolean(chosen && chosen.size > MAX_UPLOAD_BYTES);
            // Not sent at all: the request would be larger than the server accepts.
            if (over) e.currentTarget.value = "";
            setTooLarge(over);
          }}
        />
      </FormField>
      {tooLarge && (
        <p id="file-size-error" role="alert" className="text-sm font-medium text-red-700">
          {TOO_LARGE}
        </p>
      )}
    </div>
  );
}

export function DocumentForm({
  action,
  kind,
  clients,
  documentId,
  clientId,
  title,
  doc,
  file,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  kind: DocumentKind;
  clients: { id: string; name: string }[];
  documentId?: string;
  clientId?: string;
  title?: string;
  doc: DocumentContent | null;
  file?: { filename: string } | null;
}) {
  const c = (doc?.content ?? {}) as Record<string, unknown>;
  const s = (k: string) => (c[k] == null ? "" : String(c[k]));
  return (
    <ActionForm action={action} idempotent={!documentId} aria-label={documentId ? "Edit document" : "New document"}>
      <input type="hidden" name="kind" value={kind} />
      {documentId && <input type="hidden" name="documentId" value={documentId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {documentId ? (
          <input type="hidden" name="clientId" value={clientId} />
        ) : (
          <FormField name="clientId" label="Client">
            <Select id="clientId" name="clientId" defaultValue={clientId ?? ""}>
              <option value="">Choose a client…</option>
              {clients.map((cl) => (
                <option key={cl.id} value={cl.id}>
                  {cl.name}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <FormField name="title" label="Title" hint={kind === "document" ? undefined : "Optional: left blank, it is taken from the content."}>
          <Input id="title" name="title" defaultValue={title ?? ""} />
        </FormField>
      </div>

      {kind === "letter" && (
        <>
          <FormField name="content.recipient" label="Recipient">
            <Input id="content.recipient" name="content.recipient" defaultValue={s("recipient")} placeholder="e.g. Dr Priya Shah, Northside GP" />
          </FormField>
          <FormField name="content.subject" label="Subject">
            <Input id="content.subject" name="content.subject" defaultValue={s("subject")} />
          </FormField>
          <FormField name="content.body" label="Letter">
            <Textarea id="content.body" name="content.body" rows={12} defaultValue={s("body")} />
          </FormField>
        </>
      )}
      {kind === "prescription" && (
        <>
          <RowsEditor kind="prescription" doc={doc} />
          <FormField name="content.prescriber" label="Prescriber">
            <Input id="content.prescriber" name="content.prescriber" defaultValue={s("prescriber")} />
          </FormField>
        </>
      )}
      {kind === "document" && (
        <>
          <FormField name="content.body" label="Text" hint="Optional when you upload a PDF.">
            <Textarea id="content.body" name="content.body" rows={8} defaultValue={s("body")} />
          </FormField>
          <PdfField label={file ? `Replace the PDF (now: ${file.filename})` : "PDF file"} />
          {file && <Checkbox id="removeFile" name="removeFile" label="Remove the uploaded PDF" />}
        </>
      )}
      {kind === "lab_result" && (
        <>
          <FormField name="content.test" label="Test">
            <Input id="content.test" name="content.test" defaultValue={s("test")} placeholder="e.g. Thyroid function test" />
          </FormField>
          <RowsEditor kind="lab_result" doc={doc} />
          <p className="text-xs text-slate-500">Values outside their reference range are flagged high or low.</p>
        </>
      )}
      {kind === "invoice" && (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField name="content.number" label="Invoice number">
              <Input id="content.number" name="content.number" defaultValue={s("number")} />
            </FormField>
            <FormField name="content.dueDate" label="Due date">
              <Input id="content.dueDate" name="content.dueDate" type="date" defaultValue={s("dueDate")} />
            </FormField>
            <FormField name="content.taxRate" label="Tax rate (%)">
              <Input id="content.taxRate" name="content.taxRate" inputMode="decimal" defaultValue={s("taxRate") || "0"} />
            </FormField>
          </div>
          <RowsEditor kind="invoice" doc={doc} />
          <Checkbox id="content.paid" name="content.paid" defaultChecked={c.paid === true} label="Paid" />
        </>
      )}
      <FormSubmit>{documentId ? "Save changes" : "Create document"}</FormSubmit>
    </ActionForm>
  );
}
