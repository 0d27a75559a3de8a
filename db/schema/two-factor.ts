import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./organisations";

/**
 * A staff member's authenticator (TOTP). One per person, whatever their organisations. The secret is
 * encrypted with a key derived from AUTH_SECRET (lib/auth/two-factor/secret-box.ts). `enabled_at` is
 * null while set-up waits for its first code. Wrong codes are counted here, under a row lock, because
 * the Redis limiter in front fails open; `last_used_step` makes every code single-use.
 */
export const staffTwoFactor = pgTable("staff_two_factor", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  secretCiphertext: text("secret_ciphertext").notNull(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastUsedStep: integer("last_used_step"),
  failedCodes: integer("failed_codes").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes: only an HMAC of each is stored. */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_recovery_codes_user_hash_key").on(t.userId, t.codeHash)],
);

/**
 * A password that was right, waiting to become an auth session. Auth.js accepts only the ticket of
 * one of these rows, once, and only after its second factor when it needs one, so a password alone
 * never yields a session. Only the SHA-256 of the ticket is stored.
 */
export const staffPendingSignIns = pgTable(
  "staff_pending_sign_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketHash: text("ticket_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    needsSecondFactor: boolean("needs_second_factor").notNull(),
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
    codeFailures: integer("code_failures").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_pending_sign_ins_ticket_key").on(t.ticketHash), index("staff_pending_sign_ins_user_idx").on(t.userId, t.expiresAt)],
);
