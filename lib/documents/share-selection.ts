import { isUuid } from "@/lib/validation/ids";
import { MAX_DOCUMENTS_PER_SHARE } from "./share-limits";

/**
 * Documents chosen together on a chart go to the first one's page with its Share dialog open and
 * the others added: `/documents/<first>?share=<second>,<third>` (an empty `share` just opens it).
 * The page adds only those it would offer itself (the client's other documents the sender may share).
 */
export function shareSelectionHref(documentIds: string[]): string {
  const [first, ...more] = documentIds;
  return `/documents/${first}?${new URLSearchParams({ share: more.join(",") })}`;
}

/** The further documents named by `share`, or null when the dialog is not asked for. */
export function parseShareSelection(value: string | string[] | undefined): string[] | null {
  if (value === undefined) return null;
  const raw = Array.isArray(value) ? (value[0] ?? "") : value;
  return [...new Set(raw.split(",").filter(isUuid))].slice(0, MAX_DOCUMENTS_PER_SHARE - 1);
}
