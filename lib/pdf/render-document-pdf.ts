import "server-only";
import { formatDate, formatMoney, receivedLine, invoiceTotals, labFlag, labRange, labResultText } from "@/lib/documents/content";
import type { DocumentRenderModel } from "@/lib/documents/render-model";
import { INK, MUTED, SLATE, startPdf } from "./pdf-canvas";

// The shared page set-up lives in pdf-canvas.ts; these stay importable from here.
export { fileResponse, PDF_FONT_PATH, pdfFilename, pdfResponse, winAnsiText } from "./pdf-canvas";

/**
 * Renders a document as a PDF with the clinic's letterhead (name, address), the client, the
 * date and the author. The same renderer serves staff (/documents/[id]/pdf) and the portal.
 */
export function renderDocumentPdf(model: DocumentRenderModel, opts: { font?: Buffer | null; footer?: string } = {}): Promise<Buffer> {
  const { doc, safe, style, width, row, cols, letterhead, meta, finish } = startPdf({ title: model.title, author: model.authorName }, opts);
  letterhead(model.clinic);

  // Header block
  doc.text(safe(model.kindLabel.toUpperCase()), style(9, MUTED));
  doc.text(safe(model.title), style(14, INK, true)).moveDown(0.4);
  meta([
    ["Client", model.client.name + (model.client.dateOfBirth ? ` (born ${formatDate(model.client.dateOfBirth)})` : "")],
    ["Date", formatDate(model.date)],
    ["Author", model.authorName],
  ]);
  doc.moveDown(1);

  const para = (s: string) => doc.text(safe(s), { ...style(11, SLATE), width, lineGap: 2 });
  const heading = (s: string) => doc.text(safe(s), style(11, INK, true)).moveDown(0.3);
  const b = model.body;
  if (model.received) {
    // Filed from a file a contact sent back: the file is the document; this page says where it came from.
    para(receivedLine(model.received));
    if (model.received.note) para(`Their note: ${model.received.note}`);
    if (model.file) doc.moveDown(0.5).text(`Attached file: ${safe(model.file.filename)}`, style(9, MUTED));
    return finish();
  }
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
  return finish();
}
