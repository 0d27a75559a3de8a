import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { formatDate, formatMoney, invoiceTotals, labFlag, labRange, labResultText } from "@/lib/documents/content";
import type { DocumentRenderModel } from "@/lib/documents/render-model";

const TEAL = "#0f766e";
const SLATE = "#334155";
const MUTED = "#64748b";

/**
 * pdfkit's built-in Helvetica covers WinAnsi only ("≤", "Ł", "Ō" come out as "?"), so the PDF
 * embeds a Unicode TrueType font that ships with the installed packages: Geist Regular, which
 * Next bundles for next/og (Latin incl. Latin Extended, Greek, Cyrillic, ≤ ≥ – — £ €; SIL OFL).
 * It has one weight, so bold is drawn as fill + a thin stroke. Only the glyphs used are
 * embedded (pdfkit subsets), with a ToUnicode map so the text can be copied and searched.
 */
export const PDF_FONT_PATH = join(process.cwd(), "node_modules", "next", "dist", "compiled", "@vercel", "og", "Geist-Regular.ttf");
let fontBytes: Buffer | null | undefined;
function unicodeFont(): Buffer | null {
  if (fontBytes === undefined) {
    try {
      fontBytes = readFileSync(PDF_FONT_PATH);
    } catch {
      fontBytes = null;
    }
  }
  return fontBytes;
}

/** Without the Unicode font: WinAnsi only; the range signs become words rather than "?". */
export function winAnsiText(s: string): string {
  return s
    .replace(/≤\s*/g, "up to ")
    .replace(/≥\s*/g, "at least ")
    .replace(/[^\x09\x0a\x0d\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, "?");
}

/**
 * Renders a document as a PDF with the clinic's letterhead (name, address), the client, the
 * date and the author. The same renderer serves staff (/documents/[id]/pdf) and the portal.
 */
export function renderDocumentPdf(model: DocumentRenderModel, opts: { font?: Buffer | null; footer?: string } = {}): Promise<Buffer> {
  // Pages are buffered so the footer can say "Page 1 of 3" once the count is known.
  const doc = new PDFDocument({ size: "A4", margin: 56, bufferPages: true, info: { Title: model.title, Author: model.authorName, Creator: "Carebridge", Producer: "Carebridge" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const fontFile = opts.font === undefined ? unicodeFont() : opts.font;
  if (fontFile) doc.registerFont("Body", fontFile);
  const safe = (s: string) => (fontFile ? s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "") : winAnsiText(s));
  /** Sets font, size and colour; returns the text options that make it bold. */
  const style = (size: number, colour: string, bold = false) => {
    doc.fillColor(colour).fontSize(size);
    if (!fontFile) {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica");
      return {};
    }
    doc.font("Body");
    if (!bold) return { stroke: false, fill: true };
    doc.strokeColor(colour).lineWidth(size * 0.035);
    return { stroke: true, fill: true };
  };
  const width = doc.page.width - 112;

  // Letterhead
  doc.text(safe(model.clinic.name), style(16, TEAL, true));
  if (model.clinic.address) doc.text(safe(model.clinic.address), style(9, MUTED));
  doc.moveDown(0.5).strokeColor("#cbd5e1").lineWidth(1).moveTo(56, doc.y).lineTo(56 + width, doc.y).stroke().moveDown(1);

  // Header block
  doc.text(safe(model.kindLabel.toUpperCase()), style(9, MUTED));
  doc.text(safe(model.title), style(14, "#0f172a", true)).moveDown(0.4);
  const meta: [string, string][] = [
    ["Client", model.client.name + (model.client.dateOfBirth ? ` (born ${formatDate(model.client.dateOfBirth)})` : "")],
    ["Date", formatDate(model.date)],
    ["Author", model.authorName],
  ];
  for (const [label, value] of meta) {
    doc.text(`${label}: `, { ...style(9, MUTED), continued: true });
    doc.text(safe(value), style(9, SLATE));
  }
  doc.moveDown(1);

  const para = (s: string) => doc.text(safe(s), { ...style(11, SLATE), width, lineGap: 2 });
  const heading = (s: string) => doc.text(safe(s), style(11, "#0f172a", true)).moveDown(0.3);
  const row = (cells: string[], widths: number[], bold = false, colour = SLATE) => {
    const y = doc.y;
    let x = 56;
    let bottom = y;
    cells.forEach((c, i) => {
      doc.text(safe(c), x, y, { ...style(10, colour, bold), width: widths[i]! - 6 });
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
      doc.text(`To: ${safe(b.content.recipient)}`, style(10, MUTED)).moveDown(0.5);
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
      if (b.content.file || model.file) doc.moveDown(0.5).text(`Attached file: ${safe((model.file ?? b.content.file)!.filename)}`, style(9, MUTED));
      break;
    case "lab_result": {
      heading(b.content.test);
      const w = cols([0.32, 0.2, 0.3, 0.18]);
      row(["Measurement", "Result", "Reference range", "Flag"], w, true);
      for (const v of b.content.values) {
        const flag = labFlag(v);
        row([v.name, labResultText(v), labRange(v), flag ? (flag === "high" ? "HIGH" : "LOW") : ""], w, Boolean(flag), flag ? "#b91c1c" : SLATE);
      }
      break;
    }
    case "invoice": {
      const t = invoiceTotals(b.content);
      doc.text(`Invoice ${safe(b.content.number)} · Due ${formatDate(b.content.dueDate)} · ${b.content.paid ? "Paid" : "Unpaid"}`, style(10, MUTED)).moveDown(0.5);
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

  // Footer on every page: who it was shared with (portal copies only), and the page number.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    const y = doc.page.height - 36;
    if (opts.footer) doc.text(safe(opts.footer), 56, y, { ...style(8, MUTED), width: width - 80, lineBreak: false });
    doc.text(`Page ${i - start + 1} of ${count}`, 56 + width - 80, y, { ...style(8, MUTED), width: 80, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** "Assessment summary — Jordan Lee" → "assessment-summary-jordan-lee.pdf" */
export function pdfFilename(title: string): string {
  const base = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `${base || "document"}.pdf`;
}

export function pdfResponse(bytes: Buffer, filename: string, disposition: "attachment" | "inline" = "attachment", etag?: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...(etag ? { ETag: `"${etag}"` } : {}),
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${filename}"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex, nofollow",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
