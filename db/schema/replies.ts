import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { documentKind } from "./enums";
import { organisations, users } from "./organisations";
import { clients } from "./clients";
import { contacts, documents, documentShares } from "./documents";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A document a contact sent back through the sharing portal (a PDF or a PNG/JPEG image, with a
 * note). It waits in the chart's Inbox until a staff member files it as a document of a kind
 * (the bytes move to document_files) or discards it; the row stays, without its bytes, for the
 * audit trail and the per-share daily cap.
 */
export const documentReplies = pgTable(
  "document_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    shareId: uuid("share_id").notNull().references(() => documentShares.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    contactId: uuid("contact_id").notNull().references(() => contacts.id),
    note: text("note").notNull().default(""),
    filename: text("filename").notNull(),
    // Detected from the file's first bytes, never the browser's word.
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    // Null once filed (moved to document_files) or discarded.
    bytes: bytea("bytes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    filedAt: timestamp("filed_at", { withTimezone: true }),
    filedKind: documentKind("filed_kind"),
    documentId: uuid("document_id").references(() => documents.id),
    discardedAt: timestamp("discarded_at", { withTimezone: true }),
    handledById: uuid("handled_by_id").references(() => users.id),
  },
  (t) => [
    // The daily cap counts a share's replies since a moment.
    index("document_replies_share_idx").on(t.shareId, t.createdAt),
    // The chart's Inbox: its waiting replies, newest first.
    index("document_replies_waiting_idx").on(t.clientId, t.createdAt.desc()).where(sql`${t.filedAt} is null and ${t.discardedAt} is null`),
  ],
);
