import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentFiles, documents } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canSeeClient } from "@/lib/access/client-visibility";
import { canCreateKind, type DocumentKind } from "@/lib/access/documents";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { CONTENT_SCHEMAS } from "./content";
import { auditDocumentRefusals, loadDocumentFor } from "./load-document";
import { once } from "@/lib/idempotency/once";
import { MAX_UPLOAD_MB } from "@/lib/request/body-limit";

export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export interface UploadedPdf {
  filename: string;
  bytes: Buffer;
}

/** A real PDF starts with "%PDF-"; the browser's content type alone is not trusted. */
export function assertPdf(file: UploadedPdf): void {
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw new AppError("file_too_large", { field: "file" });
  if (file.bytes.length < 5 || file.bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new AppError("file_not_pdf", { field: "file" });
}

export interface SaveDocumentInput {
  documentId?: string;
  clientId: string;
  kind: DocumentKind;
  title: string;
  content: unknown;
  file?: UploadedPdf | null;
  removeFile?: boolean;
  /** A new document's form key (lib/idempotency): a double submit creates one document. */
  idempotencyKey?: string;
}

/**
 * Creates a document for a client the actor can see, or edits one (documentId given). The kind's
 * area must be at edit; the content is validated against the kind's schema (the action has
 * already given field errors; this is the domain's own guard).
 */
export async function saveDocument(actor: StaffActor, input: SaveDocumentInput): Promise<{ documentId: string }> {
  const content = CONTENT_SCHEMAS[input.kind].safeParse(input.content);
  if (!content.success) throw new AppError("invalid_input");
  if (input.file) assertPdf(input.file);
  const db = await getDb();
  const target = { type: "document", id: input.documentId ?? input.clientId };
  return auditDocumentRefusals(actor, "document:edit", target, () =>
    db.transaction((tx) =>
      once(tx, { actor, key: input.documentId ? undefined : input.idempotencyKey, action: "document.create" }, async () => {
        let documentId: string;
        let clientId = input.clientId;
        const values = { title: input.title, content: content.data as Record<string, unknown>, updatedAt: new Date() };
        if (input.documentId) {
          const { doc } = await loadDocumentFor(tx, actor, input.documentId, "document:edit", { lock: true });
          if (doc.kind !== input.kind) throw new AppError("invalid_input");
          await tx.update(documents).set(values).where(eq(documents.id, doc.id));
          documentId = doc.id;
          clientId = doc.clientId;
        } else {
          if (!(await canSeeClient(actor, input.clientId, tx))) throw new AppError("invalid_input", { field: "clientId" });
          if (!canCreateKind(actor, input.kind)) throw new AppError("forbidden");
          const [row] = await tx
            .insert(documents)
            .values({ ...values, organisationId: actor.organisationId, clientId: input.clientId, kind: input.kind, authorId: actor.userId })
            .returning({ id: documents.id });
          documentId = row!.id;
        }
        if (input.kind === "document") {
          if (input.file) {
            const file = { filename: input.file.filename.slice(0, 200) || "document.pdf", contentType: "application/pdf", size: input.file.bytes.length, bytes: input.file.bytes };
            await tx.insert(documentFiles).values({ documentId, ...file }).onConflictDoUpdate({ target: documentFiles.documentId, set: { ...file, createdAt: new Date() } });
          } else if (input.removeFile) {
            await tx.delete(documentFiles).where(eq(documentFiles.documentId, documentId));
          }
        }
        await recordStaffAudit(tx, actor, {
          action: input.documentId ? "document.updated" : "document.created",
          target: { type: "document", id: documentId },
          clientId,
          metadata: { kind: input.kind, file: input.file ? { size: input.file.bytes.length } : undefined },
        });
        return { documentId };
      })),
  );
}
