/**
 * Turns a document form's fields into the shape its content schema expects. Repeated rows are
 * named `content.lines.0.drug`, `content.items.2.unitPrice` …; rows left entirely blank are dropped, so the
 * form can always offer a few empty rows without JavaScript.
 */
import type { DocumentKind } from "@/lib/access/documents";

const ROW_KEYS = { prescription: "lines", lab_result: "values", invoice: "items" } as const;

export function contentFromForm(kind: DocumentKind, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, unknown>>();
  const rowKey = ROW_KEYS[kind as keyof typeof ROW_KEYS] as string | undefined;
  for (const [name, value] of Object.entries(fields)) {
    if (!name.startsWith("content.")) continue;
    const key = name.slice("content.".length);
    const m = rowKey ? new RegExp(`^${rowKey}\\.(\\d{1,2})\\.(\\w+)$`).exec(key) : null;
    if (m) {
      const row = rows.get(Number(m[1])) ?? {};
      row[m[2]!] = value;
      rows.set(Number(m[1]), row);
    } else out[key] = value;
  }
  if (rowKey) {
    out[rowKey] = [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, r]) => r)
      .filter((r) => Object.values(r).some((v) => typeof v === "string" && v.trim() !== ""));
  }
  if (kind === "invoice") out.paid = fields["content.paid"] === "on" || fields["content.paid"] === "true";
  return out;
}

