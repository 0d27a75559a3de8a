import { describe, expect, it } from "vitest";
import { invoiceTotals, labFlag, readContent } from "@/lib/documents/content";
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
