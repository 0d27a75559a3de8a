import { inflateSync } from "node:zlib";

// WinAnsi bytes 0x80–0x9f that differ from Latin-1 (the ones our documents use).
const WIN_ANSI: Record<number, string> = { 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x85: "…", 0x80: "€" };

function decodeHex(hex: string): string {
  let out = "";
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI[byte] ?? String.fromCharCode(byte);
  }
  return out;
}

/**
 * The text of a PDF written with standard fonts (as pdfkit writes it): inflates each content
 * stream and joins the strings of its TJ/Tj operators, one line per text object. Enough to
 * check what a generated PDF says, without a PDF library.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(bytes).toString("latin1"));
    } catch {
      streams.push(bytes.toString("latin1"));
    }
    re.lastIndex = end;
  }
  const lines: string[] = [];
  for (const s of streams) {
    for (const block of s.match(/BT[\s\S]*?ET/g) ?? []) {
      let line = "";
      for (const op of block.match(/\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\((.*?)\)\s*Tj/g) ?? []) {
        for (const h of op.match(/<([0-9a-fA-F]*)>/g) ?? []) line += decodeHex(h.slice(1, -1));
        for (const l of op.match(/\(((?:\\.|[^\\)])*)\)/g) ?? []) line += l.slice(1, -1).replace(/\\(.)/g, "$1");
      }
      lines.push(line);
    }
  }
  return lines.join("\n");
}
