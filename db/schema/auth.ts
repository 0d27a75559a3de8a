import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authSessionEndReason, tokenPurpose } from "./enums";
import { organisations, users } from "./organisations";
import { portalAccounts } from "./clients";

// One-time links (invitations, password resets). Only the SHA-256 of the token is stored.
export const actionTokens = pgTable(
  "action_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: tokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    userId: uuid("user_id").references(() => users.id),
    portalAccountId: uuid("portal_account_id").references(() => portalAccounts.id),
    createdById: uuid("created_by_id").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("action_tokens_hash_key").on(t.tokenHash),
    index("action_tokens_user_idx").on(t.userId),
    index("action_tokens_portal_idx").on(t.portalAccountId),
  ],
);

/**
 * One staff sign-in on one device ("auth session": in this codebase "session" means a clinical
 * session). The Auth.js JWT names this row; requireStaff() refuses the JWT once the row is ended
 * or idle, so sign-out and revocation take effect at the next request. The active organisation
 * lives here, not in the JWT, so switching organisation is a server-side change too.
 */
export const staffAuthSessions = pgTable(
  "staff_auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: authSessionEndReason("ended_reason"),
    // A short summary ("Chrome on macOS") and the address at sign-in, for the device list.
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [
    // Live sign-ins of one person: the device list and "sign out everywhere".
    index("staff_auth_sessions_user_live_idx").on(t.userId).where(sql`${t.endedAt} is null`),
    // "Most recently used organisation" at sign-in.
    index("staff_auth_sessions_user_org_idx").on(t.userId, t.organisationId, t.lastActiveAt.desc()),
  ],
);
