import { DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/access/documents";
import { AREA_LABELS, type Area } from "@/lib/access/permissions";
import { AppError } from "@/lib/errors";

/**
 * One document of a several-document share that may not go out. A document the sender cannot
 * see is named by nothing but its place in the choice (not-allowed and not-found look alike).
 */
export type RefusedDocument =
  | { documentId: string; reason: "not_found" }
  | { documentId: string; title: string; kind: DocumentKind; reason: "forbidden"; areas: Area[] }
  | { documentId: string; title: string; kind: DocumentKind; reason: "other_client" };

/**
 * A several-document share refused whole, saying which documents stopped it. An id that names
 * nothing the sender can see is a forged or stale choice: `invalid_input`, as for a contact.
 */
export class DocumentsRefused extends AppError {
  constructor(readonly refused: RefusedDocument[]) {
    super(refused.some((r) => r.reason === "not_found") ? "invalid_input" : "documents_not_shareable", { field: "documentIds" });
  }
}

/** The sentence under the documents list: each refused document and why. */
export function refusedDocumentsText(refused: RefusedDocument[]): string {
  const lines = refused.map((r) => {
    if (r.reason === "not_found") return "A chosen document is no longer available (deleted, or you can no longer see it).";
    const name = `${DOCUMENT_KIND_LABELS[r.kind]} “${r.title}”`;
    if (r.reason === "other_client") return `${name} belongs to another client: one share carries documents of one client.`;
    return `${name}: your role needs edit permission for ${r.areas.map((a) => AREA_LABELS[a]).join(", ")} to share it.`;
  });
  return `Nothing was shared. ${lines.join(" ")}`;
}
