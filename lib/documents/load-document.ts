import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documents, organisations } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/can";
import { clientSight } from "@/lib/access/client-visibility";
import { canDocument, shareBlockers, type DocumentAccessFacts, type DocumentPermission } from "@/lib/access/documents";
import { AppError } from "@/lib/errors";
import { readReceived } from "./content";
import { DocumentsRefused } from "./documents-refused";

/**
 * Loads one document for an action and guards it. Someone who may not even view it gets
 * `not_found`, exactly like a missing document; someone who may view it but lacks the
 * permission gets `forbidden` (or `sharing_off` when only the organisation's switch is missing).
 * Call it inside `auditDocumentRefusals`, which audits each refusal on its own connection
 * (a refusal rolls the transaction back, and PGlite has a single connection).
 */
export async function loadDocumentFor(exec: Executor, actor: StaffActor, documentId: string, permission: DocumentPermission, opts: { lock?: boolean; now?: Date } = {}) {
  const q = exec
    .select({ doc: documents, sharingEnabled: organisations.sharingEnabled, securityLevel: organisations.securityLevel })
    .from(documents)
    .innerJoin(organisations, eq(organisations.id, documents.organisationId))
    .where(and(eq(documents.id, documentId), eq(documents.organisationId, actor.organisationId)))
    .limit(1);
  const [row] = opts.lock ? await q.for("update", { of: documents }) : await q;
  const sight = row ? await clientSight(actor, row.doc.clientId, exec, opts.now) : "none";
  const facts: DocumentAccessFacts | null = row
    ? { organisationId: row.doc.organisationId, kind: row.doc.kind, deletedAt: row.doc.deletedAt, clientVisible: sight !== "none", emergencyOnly: sight === "emergency", received: readReceived(row.doc.content) !== null }
    : null;
  const org = { sharingEnabled: row?.sharingEnabled ?? false };
  if (row && facts && canDocument(actor, permission, facts, org)) return { doc: row.doc, facts, org: { ...org, securityLevel: row.securityLevel } };
  if (!facts || !canDocument(actor, "document:view", facts)) throw new AppError("not_found");
  if (permission === "document:share") {
    const blockers = shareBlockers(actor, facts.kind, org.sharingEnabled);
    if (blockers.every((b) => b.reason === "sharing_off")) throw new AppError("sharing_off");
  }
  throw new AppError("forbidden");
}

const REFUSALS = new Set(["not_found", "forbidden", "sharing_off"]);

/** Runs a document operation and audits a policy refusal after its transaction has rolled back. */
export async function auditDocumentRefusals<T>(actor: StaffActor, what: string, target: { type: string; id: string }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    // A several-document share refused whole is a policy refusal too, whatever its code.
    if (e instanceof AppError && (REFUSALS.has(e.code) || e instanceof DocumentsRefused)) await auditRefusal(actor, what, target);
    throw e;
  }
}
