import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { documentShares, shareDocuments } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { findContact } from "@/lib/contacts/find-contact";
import { newToken, hashToken } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/queue-email";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { UNOPENED_LINK_LIFETIME_HOURS } from "@/lib/portal/link-state";
import { appUrl } from "@/lib/urls";
import { auditDocumentRefusals } from "./load-document";
import { loadDocumentsToShare } from "./load-documents-to-share";
import { MAX_DOCUMENTS_PER_SHARE } from "./share-limits";
import { once } from "@/lib/idempotency/once";
import { codeChannel, type SecurityLevel } from "@/lib/portal/security-level";
import { purposeNoteFor, type SharePurpose } from "./share-purpose";

/** The contact must be reachable for the share's security level (the link always goes by email). */
export function assertContactReachable(contact: { archivedAt: Date | null; email: string | null; mobile: string | null }, level: SecurityLevel) {
  if (contact.archivedAt) throw new AppError("contact_archived", { field: "contactId" });
  if (!contact.email) throw new AppError("no_contact_email", { field: "contactId" });
  if (level === "link_and_sms" && !contact.mobile) throw new AppError("no_contact_mobile", { field: "contactId" });
}

/**
 * The level a share is sent with: the organisation's — except that when the organisation asks for
 * a texted code and the contact has no mobile, the sender may choose a code by email for this
 * share (`codeByEmail`). A contact with a mobile gets the text, whatever was asked.
 */
export function shareLevelFor(orgLevel: SecurityLevel, contact: { mobile: string | null }, codeByEmail: boolean): SecurityLevel {
  return orgLevel === "link_and_sms" && !contact.mobile && codeByEmail ? "link_and_email_code" : orgLevel;
}

/** Emails the contact a fresh portal link. The token travels only in the email; its hash is stored. */
export async function emailShareLink(
  exec: Executor,
  input: { actor: StaffActor; shareId: string; to: string; contactName: string; token: string; documentCount: number; securityLevel: SecurityLevel },
): Promise<void> {
  const codeBy = codeChannel(input.securityLevel);
  const linkEmailId = await queueEmail(exec, {
    organisationId: input.actor.organisationId,
    to: input.to,
    template: "document-shared",
    props: {
      clinicName: input.actor.organisationName,
      senderName: input.actor.name,
      contactName: input.contactName,
      viewUrl: appUrl(`/share/${input.token}`),
      expiresInHours: UNOPENED_LINK_LIFETIME_HOURS,
      ...(input.documentCount > 1 && { documentCount: input.documentCount }),
      ...(codeBy && { codeBy }),
    },
  });
  // The share remembers which email carries its current link: the sender sees if it was not delivered.
  await exec.update(documentShares).set({ linkEmailId }).where(eq(documentShares.id, input.shareId));
}

/**
 * Shares a document with an external contact: needs edit on contacts, patients and the kind's
 * own area, and the organisation's sharing on (lib/access/documents.ts). The contact gets the
 * "document shared with you" email with a link that must be opened within 24 hours.
 * `moreDocumentIds` adds further documents of the same client to the same share (one email, one
 * link, one code): each is checked on its own and the share is refused whole if any may not go.
 */
export async function shareDocument(
  actor: StaffActor,
  input: { documentId: string; moreDocumentIds?: string[]; contactId: string; purpose: SharePurpose; purposeNote?: string | null; codeByEmail?: boolean; idempotencyKey?: string },
): Promise<{ shareId: string }> {
  const purposeNote = purposeNoteFor(input.purpose, input.purposeNote);
  // Every external share says why (the client's record of disclosures lists it).
  if (input.purpose === "other" && !purposeNote) throw new AppError("invalid_input", { field: "purposeNote" });
  const documentIds = [...new Set([input.documentId, ...(input.moreDocumentIds ?? [])])];
  if (documentIds.length > MAX_DOCUMENTS_PER_SHARE) throw new AppError("invalid_input", { field: "documentIds" });
  const db = await getDb();
  const result = await auditDocumentRefusals(actor, "document:share", { type: "document", id: input.documentId }, () =>
    db.transaction((tx) =>
      once(tx, { actor, key: input.idempotencyKey, action: "document.share" }, async () => {
        const { docs, org } = await loadDocumentsToShare(tx, actor, documentIds);
        const doc = docs[0]!;
        const contact = await findContact(tx, actor, input.contactId).catch(() => {
          throw new AppError("invalid_input", { field: "contactId" });
        });
        const securityLevel = shareLevelFor(org.securityLevel, contact, input.codeByEmail ?? false);
        assertContactReachable(contact, securityLevel);
        const token = newToken();
        const [share] = await tx
          .insert(documentShares)
          .values({ documentId: doc.id, organisationId: doc.organisationId, contactId: contact.id, sharedById: actor.userId, tokenHash: hashToken(token), purpose: input.purpose, purposeNote, sentAt: new Date(), securityLevel })
          .returning({ id: documentShares.id });
        // The first document is the share's own; the rest follow in the order they were chosen.
        if (docs.length > 1) await tx.insert(shareDocuments).values(docs.slice(1).map((d, i) => ({ shareId: share!.id, documentId: d.id, position: i + 1 })));
        await emailShareLink(tx, { actor, shareId: share!.id, to: contact.email!, contactName: contact.name, token, documentCount: docs.length, securityLevel });
        await recordStaffAudit(tx, actor, {
          action: "document.shared",
          target: { type: "document_share", id: share!.id },
          clientId: doc.clientId,
          // A code by email in place of the clinic's texted code is the sender's choice: on the record.
          metadata: { documentId: doc.id, ...(docs.length > 1 && { documentIds: docs.map((d) => d.id) }), contactId: contact.id, securityLevel, purpose: input.purpose, ...(securityLevel !== org.securityLevel && { codeFallback: "email" }) },
        });
        return { shareId: share!.id };
      })),
  );
  scheduleOutboxDelivery();
  return result;
}
