/**
 * The document and sharing policy, as data. Nothing outside lib/access/ decides who may see,
 * edit or share a document: pages, actions and domain functions ask these functions, and the
 * document lists filter in SQL with the same table (lib/documents/visible-documents.ts).
 */
import type { StaffActor } from "./actor";
import { levelAtLeast, type Area } from "./permissions";

export const DOCUMENT_KINDS = ["letter", "prescription", "document", "lab_result", "invoice"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Each kind's own area: its permission governs viewing and editing documents of that kind. */
export const DOCUMENT_KIND_AREA = {
  letter: "letters",
  prescription: "patients",
  document: "patients",
  lab_result: "labs",
  invoice: "invoices",
} as const satisfies Record<DocumentKind, Area>;

export const DOCUMENT_KIND_LABELS = {
  letter: "Letter",
  prescription: "Prescription",
  document: "Document",
  lab_result: "Lab result",
  invoice: "Invoice",
} as const satisfies Record<DocumentKind, string>;

/** What sharing with an external contact needs, besides the kind's own area at edit. */
export const SHARE_REQUIRED_AREAS = ["contacts", "patients"] as const satisfies readonly Area[];

export type DocumentPermission = "document:view" | "document:edit" | "document:share";

/** The facts about one document the policy needs; `clientVisible` comes from canSeeClient(). */
export interface DocumentAccessFacts {
  organisationId: string;
  kind: DocumentKind;
  deletedAt: Date | null;
  clientVisible: boolean;
  /** The client is visible only through an emergency grant: View, nothing more. */
  emergencyOnly?: boolean;
  /** Filed from a file a contact sent back: a record of what came in, never edited. */
  received?: boolean;
}

/** Kinds whose area the actor may view (or edit): the filter for lists. */
export function kindsFor(actor: StaffActor, level: "view" | "edit"): DocumentKind[] {
  return DOCUMENT_KINDS.filter((k) => levelAtLeast(actor.role.permissions[DOCUMENT_KIND_AREA[k]], level));
}

export function canCreateKind(actor: StaffActor, kind: DocumentKind): boolean {
  return levelAtLeast(actor.role.permissions[DOCUMENT_KIND_AREA[kind]], "edit");
}

/** Why sharing is unavailable (for the share button's explanation); empty when it is allowed. */
export type ShareBlocker = { reason: "sharing_off" } | { reason: "missing_permission"; areas: Area[] } | { reason: "emergency_view_only" };

export function shareBlockers(actor: StaffActor, kind: DocumentKind, sharingEnabled: boolean): ShareBlocker[] {
  const blockers: ShareBlocker[] = [];
  if (!sharingEnabled) blockers.push({ reason: "sharing_off" });
  const needed = [...new Set<Area>([...SHARE_REQUIRED_AREAS, DOCUMENT_KIND_AREA[kind]])];
  const missing = needed.filter((a) => !levelAtLeast(actor.role.permissions[a], "edit"));
  if (missing.length) blockers.push({ reason: "missing_permission", areas: missing });
  return blockers;
}

/**
 * May the actor do `permission` to this document? Visible = same organisation, not deleted, the
 * client is visible to the actor and the kind's area is at least view. Edit needs the area at
 * edit. Share needs edit on contacts, patients and the kind's area, and the organisation's sharing on.
 */
export function canDocument(
  actor: StaffActor,
  permission: DocumentPermission,
  doc: DocumentAccessFacts,
  org?: { sharingEnabled: boolean },
): boolean {
  if (doc.deletedAt || doc.organisationId !== actor.organisationId || !doc.clientVisible) return false;
  if (doc.emergencyOnly && permission !== "document:view") return false;
  const area = actor.role.permissions[DOCUMENT_KIND_AREA[doc.kind]];
  if (!levelAtLeast(area, "view")) return false;
  if (permission === "document:view") return true;
  if (permission === "document:edit") return levelAtLeast(area, "edit") && !doc.received;
  return shareBlockers(actor, doc.kind, org?.sharingEnabled ?? false).length === 0;
}

/** Contacts area. */
export function canContacts(actor: StaffActor, level: "view" | "edit"): boolean {
  return levelAtLeast(actor.role.permissions.contacts, level);
}

/**
 * May the actor resend or revoke a share of a document they can see? The person who shared it
 * may always stop it; otherwise the same permissions as sharing (the organisation's switch aside:
 * revoking must work even after sharing is turned off).
 */
export function canManageShare(actor: StaffActor, doc: DocumentAccessFacts, share: { sharedById: string }, action: "revoke" | "resend", org: { sharingEnabled: boolean }): boolean {
  if (!canDocument(actor, "document:view", doc) || doc.emergencyOnly) return false;
  if (action === "resend") return canDocument(actor, "document:share", doc, org);
  if (share.sharedById === actor.userId) return true;
  return shareBlockers(actor, doc.kind, true).length === 0;
}

/**
 * The "Shared externally" view (every external share of the organisation, with bulk revoke): for
 * roles that work with contacts and see charts and documents. Its rows are further limited to
 * shares of documents the actor can see (lib/documents/list-external-shares.ts), and each revoke
 * is checked with canManageShare.
 */
export function canSeeExternalShares(actor: StaffActor): boolean {
  return canContacts(actor, "view") && levelAtLeast(actor.role.permissions.patients, "view") && kindsFor(actor, "view").length > 0;
}
