import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./organisations";
import { clients } from "./clients";
import { clinicalSessions } from "./sessions";

/**
 * Emergency access ("break the glass"): View on ONE chart or ONE session for one person, until
 * `expires_at` (or `ended_at`, when an admin ends it early). The policy reads the row on every
 * request and compares the times itself, so nothing has to run for a grant to end.
 */
export const emergencyAccessGrants = pgTable(
  "emergency_access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    // Exactly one of the two is set (see the check).
    clientId: uuid("client_id").references(() => clients.id),
    sessionId: uuid("session_id").references(() => clinicalSessions.id),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedById: uuid("ended_by_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedById: uuid("reviewed_by_id").references(() => users.id),
    reviewNote: text("review_note"),
  },
  (t) => [
    check("emergency_access_grants_one_record", sql`(${t.clientId} is null) <> (${t.sessionId} is null)`),
    // The policy's probes: "does this person hold a live grant on this chart / session?"
    index("emergency_access_grants_user_client_idx").on(t.userId, t.clientId, t.expiresAt).where(sql`${t.clientId} is not null and ${t.endedAt} is null`),
    index("emergency_access_grants_user_session_idx").on(t.userId, t.sessionId, t.expiresAt).where(sql`${t.sessionId} is not null and ${t.endedAt} is null`),
    // Settings → Audit log → Emergency access to review (newest first)
    index("emergency_access_grants_review_idx").on(t.organisationId, t.reviewedAt, t.createdAt.desc()),
  ],
);
