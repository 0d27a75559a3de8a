import { describe, expect, it } from "vitest";
import { formatDate, invoiceTotals, labFlag, labResultContent, labResultText, readContent } from "@/lib/documents/content";
import { contentFromForm } from "@/lib/documents/form-data";
import type { DocumentRenderModel } from "@/lib/documents/render-model";
import { pdfFilename, renderDocumentPdf } from "@/lib/pdf/render-document-pdf";
import { pdfText } from "../e2e/documents/pdf-text";

const base = {
  id: "00000000-0000-4000-8000-000000000001",
  clinic: { name: "Harbour Health Group", address: "12 Quay Street, Harbourside, HB1 2AA" },
  client: { name: "Jordan Lee", dateOfBirth: "1988-04-12" },
  authorName: "Dr Maya Patel",
  date: new Date("2026-03-02T09:00:00Z"),
  file: null,
} satisfies Partial<DocumentRenderModel>;

describe("document PDF", () => {
  it("is a real PDF with the letterhead, client, date, author and the letter's subject", async () => {
    const model: DocumentRenderModel = {
      ...base,
      title: "Assessment summary for GP",
      kind: "letter",
      kindLabel: "Letter",
      body: readContent("letter", { recipient: "Dr Priya Shah", subject: "Assessment summary — Jordan Lee", body: "Dear Dr Shah,\n\nThank you." }),
    };
    const pdf = await renderDocumentPdf(model);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.subarray(-6).toString()).toContain("%%EOF");
    const text = pdfText(pdf);
    for (const s of ["Harbour Health Group", "12 Quay Street", "Jordan Lee", "2 March 2026", "Dr Maya Patel", "Assessment summary — Jordan Lee", "Dear Dr Shah,"]) expect(text).toContain(s);
  });

  it("numbers its pages, and a shared copy names its recipient on every page", async () => {
    const long = "A line of the letter that goes on.\n".repeat(120);
    const model: DocumentRenderModel = { ...base, title: "Long letter", kind: "letter", kindLabel: "Letter", body: readContent("letter", { recipient: "Dr Priya Shah", subject: "Long", body: long }) };
    // Built-in font: the test's text extractor reads one font subset per document only.
    const plain = pdfText(await renderDocumentPdf(model, { font: null }));
    const pages = Number(/Page 1 of (\d+)/.exec(plain)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(plain).toContain(`Page ${pages} of ${pages}`);
    expect(plain).not.toContain("Shared with");
    const stamped = pdfText(await renderDocumentPdf(model, { font: null, footer: "Shared with Dr Priya Shah by Harbour Health Group on 30 November 2026" }));
    expect(stamped.split("Shared with Dr Priya Shah by Harbour Health Group on 30 November 2026")).toHaveLength(pages + 1);
    expect(stamped).toContain(`Page ${pages} of ${pages}`);
  });

  it("renders every kind, flags out-of-range lab values and totals invoices", async () => {
    const kinds = [
      ["prescription", { prescriber: "Dr Leo Chen", lines: [{ drug: "Ibuprofen", dose: "400 mg", frequency: "Three times a day", quantity: "24 tablets" }] }, ["Ibuprofen", "Dr Leo Chen"]],
      ["document", { body: "Record each day's activities." }, ["Record each day"]],
      ["lab_result", { test: "Thyroid function test", values: [{ name: "TSH", value: 5.9, unit: "mU/L", low: 0.4, high: 4 }] }, ["Thyroid function test", "HIGH"]],
      ["invoice", { number: "INV-1001", items: [{ description: "Physiotherapy review", quantity: 2, unitPrice: 65 }], taxRate: 20, dueDate: "2026-12-15", paid: false }, ["INV-1001", "£156.00", "Unpaid"]],
    ] as const;
    for (const [kind, content, expected] of kinds) {
      const pdf = await renderDocumentPdf({ ...base, title: `A ${kind}`, kind, kindLabel: kind, body: readContent(kind, content) });
      const text = pdfText(pdf);
      for (const s of expected) expect(text, kind).toContain(s);
    }
  });

  it("embeds a Unicode font: range signs and non-Latin names come out as written, not \"?\"", async () => {
    const model: DocumentRenderModel = {
      ...base,
      client: { name: "Łukasz Zoë Ōta", dateOfBirth: null },
      title: "Kidney function",
      kind: "lab_result",
      kindLabel: "Lab result",
      body: readContent("lab_result", { test: "Kidney function", values: [{ name: "Protein", value: "<5", unit: "mg/L", low: null, high: 5 }, { name: "eGFR", value: ">90", unit: "mL/min", low: 60, high: null }] }),
    };
    const pdf = await renderDocumentPdf(model);
    expect(pdf.toString("latin1")).toContain("Geist-Regular");
    const text = pdfText(pdf);
    for (const s of ["≤ 5 mg/L", "≥ 60 mL/min", "Łukasz Zoë Ōta", "<5 mg/L", ">90 mL/min"]) expect(text).toContain(s);
    expect(text).not.toContain("?");
    // Without the font (a broken install), the signs become words rather than "?".
    const fallback = pdfText(await renderDocumentPdf(model, { font: null }));
    expect(fallback).toContain("up to 5 mg/L");
    expect(fallback).toContain("at least 60 mL/min");
  });

  it("flags numeric and bounded lab values, never text ones, and refuses a range whose low end is above its high end", () => {
    const range = { low: 10, high: 90 };
    expect(labFlag({ value: "95", ...range })).toBe("high");
    expect(labFlag({ value: "5", ...range })).toBe("low");
    expect(labFlag({ value: "<5", ...range })).toBe("low");
    expect(labFlag({ value: "<50", ...range })).toBeNull();
    expect(labFlag({ value: ">90", ...range })).toBe("high");
    expect(labFlag({ value: "> 60", ...range })).toBeNull();
    expect(labFlag({ value: "Negative", ...range })).toBeNull();
    expect(labResultText({ value: "Negative", unit: "mg/L" })).toBe("Negative");
    expect(labResultText({ value: "<5", unit: "mg/L" })).toBe("<5 mg/L");
    const parsed = labResultContent.safeParse({ test: "TSH", values: [{ name: "TSH", value: "2", unit: "", low: "300", high: "30" }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["values", 0, "low"], message: "The low end must be below the high end." });
    expect(labResultContent.safeParse({ test: "Urine", values: [{ name: "Protein", value: "Negative", unit: "", low: "", high: "" }] }).success).toBe(true);
    // Rows stored before values were text (plain numbers) still read and flag.
    const old = readContent("lab_result", { test: "TFT", values: [{ name: "TSH", value: 5.9, unit: "mU/L", low: 0.4, high: 4 }] });
    expect(old.kind === "lab_result" && old.content.values[0]!.value).toBe("5.9");
    expect(old.kind === "lab_result" && labFlag(old.content.values[0]!)).toBe("high");
  });

  it("writes dates one way everywhere", async () => {
    expect(formatDate("2026-11-24")).toBe("24 November 2026");
    expect(formatDate(new Date("2026-03-02T09:00:00Z"))).toBe("2 March 2026");
    const pdf = await renderDocumentPdf({ ...base, title: "Invoice INV-9", kind: "invoice", kindLabel: "Invoice", body: readContent("invoice", { number: "INV-9", items: [{ description: "Review", quantity: 1, unitPrice: 10 }], taxRate: 0, dueDate: "2026-11-24", paid: false }) });
    expect(pdfText(pdf)).toContain("Due 24 November 2026");
    expect(pdfText(pdf)).not.toContain("2026-11-24");
  });

  it("computes lab flags and invoice totals in pence", () => {
    expect(labFlag({ value: 5.9, low: 0.4, high: 4 })).toBe("high");
    expect(labFlag({ value: 0.1, low: 0.4, high: 4 })).toBe("low");
    expect(labFlag({ value: 2, low: 0.4, high: 4 })).toBeNull();
    expect(labFlag({ value: 2, low: null, high: null })).toBeNull();
    expect(invoiceTotals({ items: [{ description: "a", quantity: 3, unitPrice: 0.1 }], taxRate: 20 })).toEqual({ subtotal: 0.3, tax: 0.06, total: 0.36 });
  });

  it("reads repeated form rows and drops blank ones", () => {
    const content = contentFromForm("prescription", {
      "content.prescriber": "Dr Leo Chen",
      "content.lines.0.drug": "Ibuprofen",
      "content.lines.0.dose": "400 mg",
      "content.lines.1.drug": "",
      "content.lines.1.dose": " ",
      title: "ignored",
    });
    expect(content).toEqual({ prescriber: "Dr Leo Chen", lines: [{ drug: "Ibuprofen", dose: "400 mg" }] });
    expect(pdfFilename("Assessment summary — Jordan Lee")).toBe("assessment-summary-jordan-lee.pdf");
  });
});
