import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sessionStatus, sessionVisibility, shareAccess } from "./enums";
import { organisations, teams, users } from "./organisations";
import { clients } from "./clients";

// A clinical session (a consult). "Session" never means the login session here.
export const clinicalSessions = pgTable(
  "clinical_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    ownerId: uuid("owner_id").notNull().references(() => users.id),
    teamId: uuid("team_id").references(() => teams.id),
    visibility: sessionVisibility("visibility").notNull().default("private"),
    title: text("title").notNull(),
    status: sessionStatus("status").notNull().default("draft"),
    notes: text("notes").notNull().default(""),
    context: text("context").notNull().default(""),
    clientId: uuid("client_id").references(() => clients.id),
    // Bumped by every save of notes, context or status: an autosave carries the version it started
    // from, so a save over someone else's newer text is caught instead of silently replacing it.
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    // "Newest first" indexes are `desc nulls first`, exactly what `order by … desc` means, and end with
    // the id the lists page on (keyset), so a list reads its index in order and stops at the page.
    // "My sessions": owner, newest first
    index("clinical_sessions_owner_idx").on(t.ownerId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    // "My teams": team-visible sessions of a team, newest first
    index("clinical_sessions_team_idx")
      .on(t.teamId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.deletedAt} is null and ${t.visibility} = 'team'`),
    index("clinical_sessions_client_idx").on(t.clientId),
  ],
);

export const sessionShares = pgTable(
  "session_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id").notNull().references(() => clinicalSessions.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    access: shareAccess("access").notNull(),
    // Who first shared it: kept when the level changes later ("Shared by …, level changed by …").
    grantedById: uuid("granted_by_id").notNull().references(() => users.id),
    levelChangedById: uuid("level_changed_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // The end date: from this instant the policy treats the share as absent; the sweep then deletes it.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // When the granter was warned that the end is 3 days away (set once, so parallel sweeps warn once).
    expiryWarnedAt: timestamp("expiry_warned_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("session_shares_session_user_key").on(t.sessionId, t.userId),
    // The sweep: shares with an end date, soonest first.
    index("session_shares_expires_idx").on(t.expiresAt).where(sql`${t.expiresAt} is not null`),
    // "Shared with me", newest first (keyset on the share's time and the session id)
    index("session_shares_user_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.sessionId.desc().nullsFirst()),
  ],
);
