import "server-only";
import PDFDocument from "pdfkit";
import { formatMoney, invoiceTotals, labFlag, labRange } from "@/lib/documents/content";
import type { DocumentRenderModel } from "@/lib/documents/render-model";

const TEAL = "#0f766e";
const SLATE = "#334155";
const MUTED = "#64748b";

const dateText = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/**
 * Renders a document as a PDF with the clinic's letterhead (name, address), the client, the
 * date and the author. The same renderer serves staff (/documents/[id]/pdf) and the portal.
 * pdfkit's standard fonts cover WinAnsi only, so text outside it is replaced rather than garbled.
 */
export function renderDocumentPdf(model: DocumentRenderModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: model.title, Author: model.authorName, Creator: "Carebridge", Producer: "Carebridge" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const safe = (s: string) => s.replace(/[^\x09\x0a\x0d\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, "?");
  const width = doc.page.width - 112;

  // Letterhead
  doc.fillColor(TEAL).font("Helvetica-Bold").fontSize(16).text(safe(model.clinic.name));
  if (model.clinic.address) doc.fillColor(MUTED).font("Helvetica").fontSize(9).text(safe(model.clinic.address));
  doc.moveDown(0.5).strokeColor("#cbd5e1").lineWidth(1).moveTo(56, doc.y).lineTo(56 + width, doc.y).stroke().moveDown(1);

  // Header block
  doc.fillColor(MUTED).font("Helvetica").fontSize(9).text(model.kindLabel.toUpperCase());
  doc.fillColor("#0f172a").font("Helvetica-Bold").fontSize(14).text(safe(model.title)).moveDown(0.4);
  const meta: [string, string][] = [
    ["Client", model.client.name + (model.client.dateOfBirth ? ` (born ${dateText(new Date(model.client.dateOfBirth))})` : "")],
    ["Date", dateText(model.date)],
    ["Author", model.authorName],
  ];
  for (const [label, value] of meta) doc.fillColor(MUTED).font("Helvetica").fontSize(9).text(`${label}: `, { continued: true }).fillColor(SLATE).text(safe(value));
  doc.moveDown(1);

  const para = (s: string) => doc.fillColor(SLATE).font("Helvetica").fontSize(11).text(safe(s), { width, lineGap: 2 });
  const heading = (s: string) => doc.fillColor("#0f172a").font("Helvetica-Bold").fontSize(11).text(safe(s)).moveDown(0.3);
  const row = (cells: string[], widths: number[], bold = false, colour = SLATE) => {
    const y = doc.y;
    let x = 56;
    let bottom = y;
    cells.forEach((c, i) => {
      doc.fillColor(colour).font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(10).text(safe(c), x, y, { width: widths[i]! - 6 });
      bottom = Math.max(bottom, doc.y);
      x += widths[i]!;
    });
    doc.x = 56;
    doc.y = bottom + 4;
  };
  const cols = (fractions: number[]) => fractions.map((f) => f * width);

  const b = model.body;
  switch (b.kind) {
    case "letter":
      doc.fillColor(MUTED).font("Helvetica").fontSize(10).text(`To: ${safe(b.content.recipient)}`).moveDown(0.5);
      heading(b.content.subject);
      para(b.content.body);
      break;
    case "prescription": {
      const w = cols([0.34, 0.18, 0.3, 0.18]);
      row(["Medication", "Dose", "Frequency", "Quantity"], w, true);
      for (const l of b.content.lines) row([l.drug, l.dose, l.frequency, l.quantity], w);
      doc.moveDown(1);
      para(`Prescriber: ${b.content.prescriber}`);
      break;
    }
    case "document":
      if (b.content.body) para(b.content.body);
      if (b.content.file || model.file) doc.moveDown(0.5).fillColor(MUTED).fontSize(9).text(`Attached file: ${safe((model.file ?? b.content.file)!.filename)}`);
      break;
    case "lab_result": {
      heading(b.content.test);
      const w = cols([0.32, 0.2, 0.3, 0.18]);
      row(["Measurement", "Result", "Reference range", "Flag"], w, true);
      for (const v of b.content.values) {
        const flag = labFlag(v);
        row([v.name, `${v.value} ${v.unit}`.trim(), labRange(v), flag ? (flag === "high" ? "HIGH" : "LOW") : ""], w, Boolean(flag), flag ? "#b91c1c" : SLATE);
      }
      break;
    }
    case "invoice": {
      const t = invoiceTotals(b.content);
      doc.fillColor(MUTED).font("Helvetica").fontSize(10).text(`Invoice ${safe(b.content.number)} · Due ${b.content.dueDate} · ${b.content.paid ? "Paid" : "Unpaid"}`).moveDown(0.5);
      const w = cols([0.5, 0.14, 0.18, 0.18]);
      row(["Description", "Qty", "Unit price", "Amount"], w, true);
      for (const i of b.content.items) row([i.description, String(i.quantity), formatMoney(i.unitPrice), formatMoney(i.quantity * i.unitPrice)], w);
      doc.moveDown(0.5);
      row(["", "", "Subtotal", formatMoney(t.subtotal)], w);
      row(["", "", `Tax (${b.content.taxRate}%)`, formatMoney(t.tax)], w);
      row(["", "", "Total", formatMoney(t.total)], w, true);
      break;
    }
  }
  doc.end();
  return done;
}

/** "Assessment summary — Jordan Lee" → "assessment-summary-jordan-lee.pdf" */
export function pdfFilename(title: string): string {
  const base = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `${base || "document"}.pdf`;
}

export function pdfResponse(bytes: Buffer, filename: string, disposition: "attachment" | "inline" = "attachment"): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${filename}"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex, nofollow",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
