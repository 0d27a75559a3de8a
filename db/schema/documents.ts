
import { sql } from "drizzle-orm";
import { boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type ExtraConfigColumn } from "drizzle-orm/pg-core";
import { documentKind, securityLevel } from "./enums";
import { organisations, users } from "./organisations";
import { clients } from "./clients";
import { clinicalSessions } from "./sessions";
import type { SharePurpose } from "../../lib/documents/share-purpose";

// External people and organisations of the clinic (a GP, an insurer, a specialist clinic).
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    name: text("name").notNull(),
    organisationName: text("organisation_name"),
    role: text("role"),
    email: text("email"),
    mobile: text("mobile"),
    notes: text("notes").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [index("contacts_org_name_idx").on(t.organisationId, t.name)],
);

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    sessionId: uuid("session_id").references(() => clinicalSessions.id),
    kind: documentKind("kind").notNull(),
    title: text("title").notNull(),
    // kind-specific content (letter body, prescription lines, lab values, invoice items …)
    content: jsonb("content").notNull(),
    authorId: uuid("author_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    // `desc nulls first` = the lists' `order by created_at desc, id desc`
    index("documents_client_idx").on(t.clientId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Live documents only, with the chart as a trailing column: the all-documents list walks it in
    // order and checks each row's chart without reading the row (an index-only scan).
    index("documents_org_kind_live_idx")
      .on(t.organisationId, t.kind, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.clientId)
      .where(sql`${t.deletedAt} is null`),
    index("documents_session_idx").on(t.sessionId),
  ],
);

/** An organisation's shares newest first, in the order "Shared externally" lists them. */
const orgNewestFirst = (t: { organisationId: ExtraConfigColumn; createdAt: ExtraConfigColumn; id: ExtraConfigColumn }) =>
  [t.organisationId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()] as const;

export const documentShares = pgTable(
  "document_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id").notNull().references(() => documents.id),
    // The document's organisation (a document never moves), kept on the share so "Shared externally"
    // reads one organisation's shares newest first from an index instead of sorting everyone's.
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    contactId: uuid("contact_id").notNull().references(() => contacts.id),
    sharedById: uuid("shared_by_id").notNull().references(() => users.id),
    // SHA-256 of the emailed token; the token itself is never stored
    tokenHash: text("token_hash").notNull(),
    securityLevel: securityLevel("security_level").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    firstOpenedAt: timestamp("first_opened_at", { withTimezone: true }),
    downloadedAt: timestamp("downloaded_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    // code state: the secret is derived from (server key, share, counter), never stored
    codeCounter: integer("code_counter").notNull().default(0),
    codeSentAt: timestamp("code_sent_at", { withTimezone: true }),
    codeUsed: boolean("code_used").notNull().default(false),
    codeFailures: integer("code_failures").notNull().default(0),
    // bumped by resend and revoke, so a portal cookie issued for an earlier link stops working
    linkVersion: integer("link_version").notNull().default(1),
    // The outbox email that carries the current link, so the sender sees "email not delivered".
    linkEmailId: uuid("link_email_id"),
    // Why it was shared (lib/documents/share-purpose.ts). Required for every new share; null only on
    // shares made before the question was asked ("not recorded", never back-filled with a guess).
    purpose: text("purpose").$type<SharePurpose>(),
    // The staff member's words when the purpose is "other".
    purposeNote: text("purpose_note"),
    // Stamped by the sweep, once per link (a resend clears them): the contact's reminder 4 hours
    // before an unopened link expires, and the sender's "did not open" notification after it has.
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    unopenedNotifiedAt: timestamp("unopened_notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("document_shares_token_key").on(t.tokenHash),
    check("document_shares_purpose_check", sql`${t.purpose} is null or ${t.purpose} in ('continuing_care', 'referral', 'insurer_billing', 'legal', 'client_request', 'other')`),
    check("document_shares_purpose_note_check", sql`${t.purpose} is distinct from 'other' or ${t.purposeNote} is not null`),
    index("document_shares_document_idx").on(t.documentId, t.createdAt.desc()),
    index("document_shares_contact_idx").on(t.contactId),
    // "Shared externally" (lib/documents/list-external-shares.ts): newest first per organisation, and
    // its rare filters (revoked, locked, unopened links of the last day, links opened within the
    // clinic's limit) without walking every share.
    index("document_shares_org_created_idx").on(...orgNewestFirst(t)),
    index("document_shares_org_revoked_idx").on(...orgNewestFirst(t)).where(sql`${t.revokedAt} is not null`),
    index("document_shares_org_unopened_idx").on(t.organisationId, t.sentAt).where(sql`${t.firstOpenedAt} is null and ${t.revokedAt} is null and ${t.lockedAt} is null`),
    index("document_shares_org_opened_idx").on(t.organisationId, t.firstOpenedAt).where(sql`${t.firstOpenedAt} is not null and ${t.revokedAt} is null and ${t.lockedAt} is null`),
    index("document_shares_org_locked_idx").on(...orgNewestFirst(t)).where(sql`${t.lockedAt} is not null and ${t.revokedAt} is null`),
    // The sweep's candidates: unopened, live links not yet reported on (a small set at any time).
    index("document_shares_unopened_idx").on(t.sentAt).where(sql`${t.firstOpenedAt} is null and ${t.revokedAt} is null and ${t.unopenedNotifiedAt} is null`),
  ],
);

// The further documents of a share that carries several (all of one client): the share's own
// document_id is the first, these follow in `position` order. A single-document share has no rows
// here, so it stays exactly as it was.
export const shareDocuments = pgTable(
  "share_documents",
  {
    shareId: uuid("share_id").notNull().references(() => documentShares.id),
    documentId: uuid("document_id").notNull().references(() => documents.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shareId, t.documentId] }), index("share_documents_document_idx").on(t.documentId)],
);

// Every code sent and every code attempt, for the daily cap and the audit trail.
export const shareVerifications = pgTable(
  "share_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shareId: uuid("share_id").notNull().references(() => documentShares.id),
    kind: text("kind").notNull(), // "code_sent" | "attempt"
    success: boolean("success"),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("share_verifications_share_idx").on(t.shareId, t.kind, t.createdAt)],
);


const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

// An uploaded PDF for a document of kind "document".
export const documentFiles = pgTable("document_files", {
  documentId: uuid("document_id")
    .primaryKey()
    .references(() => documents.id),
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  bytes: bytea("bytes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A kept PDF: the hash of everything it shows (`fingerprint`), its bytes, their size and when it was rendered. */
const keptPdfColumns = () => ({
  fingerprint: text("fingerprint").notNull(),
  bytes: bytea("bytes").notNull(),
  size: integer("size").notNull(),
  renderedAt: timestamp("rendered_at", { withTimezone: true }).notNull().defaultNow(),
});

// The rendered PDF of a document, kept so a download is not a fresh render (font parsing and
// subsetting). One row per document: `fingerprint` is a hash of everything the PDF shows (its
// render model and the renderer's version), so any change to the document, its client, author or
// clinic makes the next download render afresh. The same bytes serve every reader, and only after
// that reader's own access check: nothing personal to the reader is in them.
export const documentPdfs = pgTable("document_pdfs", {
  documentId: uuid("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  ...keptPdfColumns(),
});

// The PDF a contact downloads through the sharing portal: its footer names that share's recipient
// ("Shared with Dr Priya Shah by … on …"), so it is kept per share and document (a share may carry
// several documents), never in document_pdfs (whose bytes every reader of the document gets).
// `fingerprint` hashes everything the copy shows, so a changed document, chart, author, clinic or
// footer renders afresh. Served only to the browser that passes that share's own checks, after them.
export const documentSharePdfs = pgTable(
  "document_share_pdfs",
  {
    shareId: uuid("share_id")
      .notNull()
      .references(() => documentShares.id, { onDelete: "cascade" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    ...keptPdfColumns(),
  },
  (t) => [primaryKey({ columns: [t.shareId, t.documentId] })],
);
