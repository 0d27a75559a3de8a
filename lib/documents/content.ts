/**
 * What each document kind holds (documents.content, jsonb), as zod schemas, plus the figures
 * derived from it (invoice totals, lab flags). Pure: shared by forms, pages, the PDF and tests.
 */
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { DocumentKind } from "@/lib/access/documents";

const required = (label: string, max = 200) => text().trim().min(1, `Enter ${label}.`).max(max, `Keep ${label} under ${max} characters.`);
const optional = (max = 200) => text().trim().max(max, `Keep this under ${max} characters.`).default("");
const number = (label: string) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v), z.number({ message: `Enter ${label} as a number.` }).finite());
const optionalNumber = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v)) : v ?? null),
  z.number({ message: "Enter a number." }).finite().nullable(),
);

export const letterContent = z.object({
  recipient: required("the recipient"),
  subject: required("a subject"),
  body: required("the letter", 20_000),
});

export const prescriptionLine = z.object({
  drug: required("the medication"),
  dose: required("the dose", 80),
  frequency: required("how often", 120),
  quantity: required("the quantity", 80),
});
export const prescriptionContent = z.object({
  prescriber: required("the prescriber"),
  lines: z.array(prescriptionLine).min(1, "Add at least one medication.").max(30),
});

export const documentContent = z.object({
  body: optional(20_000),
  file: z.object({ filename: text(), size: z.number() }).nullable().optional(),
});

/**
 * A lab result as reported: a number ("5.2"), a bound ("<5", ">90") or text ("Negative").
 * Stored as typed (older rows hold plain numbers, read back as their text).
 */
const labResultValue = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  text().trim().min(1, "Enter the value.").max(40, "Keep the value under 40 characters."),
);

export const labValue = z
  .object({
    name: required("the measurement", 120),
    value: labResultValue,
    unit: optional(40),
    low: optionalNumber,
    high: optionalNumber,
  })
  .refine((v) => v.low == null || v.high == null || v.low < v.high, { message: "The low end must be below the high end.", path: ["low"] });
export const labResultContent = z.object({
  test: required("the test"),
  values: z.array(labValue).min(1, "Add at least one value.").max(50),
});

export const invoiceItem = z.object({
  description: required("a description"),
  quantity: number("the quantity").pipe(z.number().positive("Use a quantity above 0.")),
  unitPrice: number("the price").pipe(z.number().min(0, "Use a price of 0 or more.")),
});
export const invoiceContent = z.object({
  number: required("an invoice number", 40),
  items: z.array(invoiceItem).min(1, "Add at least one line item.").max(50),
  taxRate: number("the tax rate").pipe(z.number().min(0, "Use 0 or more.").max(100, "Use 100 or less.")),
  dueDate: text().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a due date."),
  paid: z.boolean().default(false),
});

export const CONTENT_SCHEMAS = {
  letter: letterContent,
  prescription: prescriptionContent,
  document: documentContent,
  lab_result: labResultContent,
  invoice: invoiceContent,
} as const satisfies Record<DocumentKind, z.ZodType>;

/**
 * A document filed from a file a contact sent back (lib/replies/file-reply.ts): the file is the
 * document, so its kind's own fields stay empty and the page and PDF show where it came from.
 * Kept beside the kind's content in documents.content.
 */
export const receivedFrom = z.object({ from: z.string(), note: z.string(), receivedAt: z.string() });
export type ReceivedFrom = z.output<typeof receivedFrom>;

export function readReceived(raw: unknown): ReceivedFrom | null {
  const parsed = receivedFrom.safeParse((raw as { received?: unknown } | null)?.received);
  return parsed.success ? parsed.data : null;
}

/** "Sent back by Dr Priya Shah through the sharing portal on 30 November 2026.", for the page and the PDF. */
export function receivedLine(r: ReceivedFrom): string {
  return `Sent back by ${r.from} through the sharing portal on ${formatDate(r.receivedAt)}.`;
}

export type LetterContent = z.output<typeof letterContent>;
export type PrescriptionContent = z.output<typeof prescriptionContent>;
export type DocumentBodyContent = z.output<typeof documentContent>;
export type LabResultContent = z.output<typeof labResultContent>;
export type InvoiceContent = z.output<typeof invoiceContent>;

export type DocumentContent =
  | { kind: "letter"; content: LetterContent }
  | { kind: "prescription"; content: PrescriptionContent }
  | { kind: "document"; content: DocumentBodyContent }
  | { kind: "lab_result"; content: LabResultContent }
  | { kind: "invoice"; content: InvoiceContent };

/** Stored content read back leniently: a row written by an older form still renders. */
export function readContent(kind: DocumentKind, raw: unknown): DocumentContent {
  const parsed = CONTENT_SCHEMAS[kind].safeParse(raw);
  if (parsed.success) return { kind, content: parsed.data } as DocumentContent;
  const r = (raw ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === "string" ? v : v == null ? "" : String(v));
  const arr = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  switch (kind) {
    case "letter":
      return { kind, content: { recipient: s(r.recipient), subject: s(r.subject), body: s(r.body) } };
    case "prescription":
      return { kind, content: { prescriber: s(r.prescriber), lines: arr(r.lines).map((l) => ({ drug: s(l.drug), dose: s(l.dose), frequency: s(l.frequency), quantity: s(l.quantity) })) } };
    case "document":
      return { kind, content: { body: s(r.body), file: null } };
    case "lab_result":
      return { kind, content: { test: s(r.test), values: arr(r.values).map((v) => ({ name: s(v.name), value: s(v.value), unit: s(v.unit), low: finiteOrNull(v.low), high: finiteOrNull(v.high) })) } };
    case "invoice":
      return { kind, content: { number: s(r.number), items: arr(r.items).map((i) => ({ description: s(i.description), quantity: Number(i.quantity) || 0, unitPrice: Number(i.unitPrice) || 0 })), taxRate: Number(r.taxRate) || 0, dueDate: s(r.dueDate), paid: r.paid === true } };
  }
}

function finiteOrNull(v: unknown): number | null {
  if (v == null || v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export type LabFlag = "low" | "high" | null;

/** "5.2" → { number: 5.2 }; "<5" → { bound: "<", number: 5 }; "Negative" → null (text, never flagged). */
export function parseLabValue(value: string | number): { bound: "<" | ">" | null; number: number } | null {
  if (typeof value === "number") return Number.isFinite(value) ? { bound: null, number: value } : null;
  const m = /^([<>])?\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))$/.exec(value.trim().replace(/,/g, ""));
  if (!m) return null;
  return { bound: (m[1] as "<" | ">" | undefined) ?? null, number: Number(m[2]) };
}

/**
 * A value below its range is "low", above it "high"; no range, no flag. A bound is flagged only
 * when it settles the question ("<5" is low against a range from 10, never high); text values
 * ("Negative") are shown as given, unflagged.
 */
export function labFlag(v: { value: string | number; low: number | null; high: number | null }): LabFlag {
  const p = parseLabValue(v.value);
  if (!p) return null;
  if (p.bound === "<") return v.low != null && p.number <= v.low ? "low" : null;
  if (p.bound === ">") return v.high != null && p.number >= v.high ? "high" : null;
  if (v.low != null && p.number < v.low) return "low";
  if (v.high != null && p.number > v.high) return "high";
  return null;
}

/** The result as shown: numeric values with their unit, text values as given. */
export function labResultText(v: { value: string | number; unit: string }): string {
  const value = String(v.value);
  return parseLabValue(value) ? `${value} ${v.unit}`.trim() : value;
}

export function labRange(v: { low: number | null; high: number | null; unit: string }): string {
  if (v.low == null && v.high == null) return "—";
  if (v.low == null) return `≤ ${v.high} ${v.unit}`.trim();
  if (v.high == null) return `≥ ${v.low} ${v.unit}`.trim();
  return `${v.low}–${v.high} ${v.unit}`.trim();
}

/** Money in pence to avoid float drift: subtotal, tax (rounded half up) and total. */
export function invoiceTotals(c: Pick<InvoiceContent, "items" | "taxRate">) {
  const subtotal = c.items.reduce((sum, i) => sum + Math.round(i.quantity * i.unitPrice * 100), 0);
  const tax = Math.round((subtotal * c.taxRate) / 100);
  return { subtotal: subtotal / 100, tax: tax / 100, total: (subtotal + tax) / 100 };
}

export function formatMoney(amount: number): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(amount);
}

/** The document's headline for lists (a letter's subject, an invoice's number…). */
export function defaultTitle(doc: DocumentContent): string {
  switch (doc.kind) {
    case "letter":
      return doc.content.subject;
    case "prescription":
      return doc.content.lines.map((l) => l.drug).join(", ") || "Prescription";
    case "document":
      return "Document";
    case "lab_result":
      return doc.content.test;
    case "invoice":
      return `Invoice ${doc.content.number}`;
  }
}

/** One date format everywhere (page, PDF, portal): "24 November 2026". A "2026-11-24" date is taken as that calendar day. */
export function formatDate(d: Date | string): string {
  const date = typeof d === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T12:00:00Z` : d) : d;
  if (Number.isNaN(date.getTime())) return typeof d === "string" ? d : "";
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
}
