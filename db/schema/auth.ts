import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tokenPurpose } from "./enums";
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
