import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One row per create-form submission (lib/idempotency/once.ts): the key is generated when the
 * form renders, so a double click, a second tab's retry or a replayed request finds the row and
 * gets the first result instead of a second share, session or email. Kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    actorId: uuid("actor_id").notNull(),
    action: text("action").notNull(),
    key: uuid("key").notNull(),
    // What the first submission returned (ids only, never personal details).
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.action, t.key] })],
);
