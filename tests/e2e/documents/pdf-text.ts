import { inflateSync } from "node:zlib";

// WinAnsi bytes 0x80–0x9f that differ from Latin-1 (the ones our documents use).
const WIN_ANSI: Record<number, string> = { 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x85: "…", 0x80: "€" };

function decodeWinAnsi(hex: string): string {
  let out = "";
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI[byte] ?? String.fromCharCode(byte);
  }
  return out;
}

const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 3 < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

/** A ToUnicode CMap (bfchar and bfrange, as pdfkit writes them) → glyph code → text. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const [, src, dst] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(src!, 16), utf16(dst!));
  }
  for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const [, lo, hi, rest] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const start = parseInt(lo!, 16);
      const end = parseInt(hi!, 16);
      if (rest!.startsWith("[")) {
        const dsts = [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => utf16(d[1]!));
        dsts.forEach((d, i) => map.set(start + i, d));
      } else {
        const base = parseInt(rest!.slice(1, -1), 16);
        for (let c = start; c <= end; c++) map.set(c, String.fromCharCode(base + c - start));
      }
    }
  }
  return map;
}

/**
 * The text of a PDF as pdfkit writes it: inflates each stream, maps font resource names
 * (/F1…) to their ToUnicode CMaps (embedded fonts) or WinAnsi (standard fonts), and joins the
 * strings of the TJ/Tj operators, one line per text object. Enough to check what a generated
 * PDF says, without a PDF library.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const objects = new Map<string, { dict: string; stream: string | null }>();
  const objRe = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  let m: RegExpExecArray | null;
  while ((m = objRe.exec(raw))) {
    const body = m[2]!;
    const s = /stream\r?\n/.exec(body);
    let stream: string | null = null;
    if (s) {
      const start = m.index + m[0].indexOf(body) + s.index + s[0].length;
      const end = raw.indexOf("endstream", start);
      const bytes = pdf.subarray(start, end);
      try {
        stream = inflateSync(bytes).toString("latin1");
      } catch {
        stream = bytes.toString("latin1");
      }
    }
    objects.set(m[1]!, { dict: s ? body.slice(0, s.index) : body, stream });
  }
  // Font resource names → CMap (null: a standard font, WinAnsi).
  const fonts = new Map<string, Map<number, string> | null>();
  for (const { dict } of objects.values()) {
    const res = /\/Font\s*<<([\s\S]*?)>>/.exec(dict);
    if (!res) continue;
    for (const [, name, ref] of res[1]!.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objects.get(ref!);
      const tu = font ? /\/ToUnicode (\d+) 0 R/.exec(font.dict) : null;
      const cmap = tu ? objects.get(tu[1]!)?.stream : null;
      fonts.set(name!, cmap ? parseCMap(cmap) : null);
    }
  }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    for (const block of stream.match(/BT[\s\S]*?ET/g) ?? []) {
      let line = "";
      let cmap: Map<number, string> | null = null;
      for (const op of block.match(/\/(\w+)\s+[\d.]+\s+Tf|\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\((.*?)\)\s*Tj/g) ?? []) {
        const tf = /^\/(\w+)\s+[\d.]+\s+Tf$/.exec(op);
        if (tf) {
          cmap = fonts.get(tf[1]!) ?? null;
          continue;
        }
        for (const h of op.match(/<([0-9a-fA-F]*)>/g) ?? []) {
          const hex = h.slice(1, -1);
          if (!cmap) line += decodeWinAnsi(hex);
          else for (let i = 0; i + 3 < hex.length; i += 4) line += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\ufffd";
        }
        for (const l of op.match(/\(((?:\\.|[^\\)])*)\)/g) ?? []) line += l.slice(1, -1).replace(/\\(.)/g, "$1");
      }
      lines.push(line);
    }
  }
  return lines.join("\n");
}
