import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import PDFDocument from "pdfkit";

export const TEAL = "#0f766e";
export const SLATE = "#334155";
export const MUTED = "#64748b";
export const INK = "#0f172a";

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
 * An A4 page set up the way every Carebridge PDF is: the font, text cleaning, styles, a simple
 * table row, and the clinic's letterhead. Call `finish()` for the bytes.
 */
export function startPdf(info: { title: string; author: string }, opts: { font?: Buffer | null; footer?: string } = {}) {
  // Pages are buffered so the footer can say "Page 1 of 3" once the count is known.
  const doc = new PDFDocument({ size: "A4", margin: 56, bufferPages: true, info: { Title: info.title, Author: info.author, Creator: "Carebridge", Producer: "Carebridge" } });
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
  const row = (cells: string[], widths: number[], bold = false, colour = SLATE, size = 10) => {
    const y = doc.y;
    let x = 56;
    let bottom = y;
    cells.forEach((c, i) => {
      doc.text(safe(c), x, y, { ...style(size, colour, bold), width: widths[i]! - 6 });
      bottom = Math.max(bottom, doc.y);
      x += widths[i]!;
    });
    doc.x = 56;
    doc.y = bottom + 4;
  };
  const cols = (fractions: number[]) => fractions.map((f) => f * width);
  const letterhead = (clinic: { name: string; address: string }) => {
    doc.text(safe(clinic.name), style(16, TEAL, true));
    if (clinic.address) doc.text(safe(clinic.address), style(9, MUTED));
    doc.moveDown(0.5).strokeColor("#cbd5e1").lineWidth(1).moveTo(56, doc.y).lineTo(56 + width, doc.y).stroke().moveDown(1);
  };
  const meta = (pairs: [string, string][]) => {
    for (const [label, value] of pairs) {
      doc.text(`${label}: `, { ...style(9, MUTED), continued: true });
      doc.text(safe(value), style(9, SLATE));
    }
  };
  /** Footer on every page: `opts.footer` (e.g. who a portal copy was shared with) and the page number. */
  const finish = () => {
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
  };
  return { doc, safe, style, width, row, cols, letterhead, meta, finish };
}

/** "Assessment summary — Jordan Lee" → "assessment-summary-jordan-lee.pdf" */
export function pdfFilename(title: string): string {
  const base = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `${base || "document"}.pdf`;
}

export function pdfResponse(bytes: Buffer, filename: string, disposition: "attachment" | "inline" = "attachment", etag?: string): Response {
  return binaryResponse(bytes, { filename, contentType: "application/pdf", disposition, etag });
}

/**
 * A stored upload (a PDF or an image, possibly from outside the clinic) as a download: always an
 * attachment, its type as detected when it came in, and sandboxed should a browser render it anyway.
 */
export function fileResponse(bytes: Buffer, file: { filename: string; contentType: string }): Response {
  return binaryResponse(bytes, { ...file, disposition: "attachment", sandbox: true });
}

function binaryResponse(bytes: Buffer, o: { filename: string; contentType: string; disposition: "attachment" | "inline"; etag?: string; sandbox?: boolean }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...(o.etag ? { ETag: `"${o.etag}"` } : {}),
      ...(o.sandbox ? { "Content-Security-Policy": "default-src 'none'; sandbox" } : {}),
      "Content-Type": o.contentType,
      "Content-Disposition": `${o.disposition}; filename="${o.filename}"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex, nofollow",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
