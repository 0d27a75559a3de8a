import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { outboxChannel, outboxStatus } from "./enums";
import { organisations, users } from "./organisations";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    // `desc nulls first` = the lists' `order by created_at desc, id desc`, so the bell reads 8 index entries
    index("notifications_user_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The bell's unread count filters on the organisation too: with it in the index, the count reads the index only.
    index("notifications_unread_idx").on(t.userId, t.organisationId).where(sql`${t.readAt} is null`),
  ],
);

// Transactional outbox: written in the same transaction as the change it reports.
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Whose message it is, so its admins see it in Settings → Messages if it cannot be delivered.
    organisationId: uuid("organisation_id").references(() => organisations.id),
    channel: outboxChannel("channel").notNull(),
    template: text("template").notNull(),
    to: text("to").notNull(),
    subject: text("subject"),
    html: text("html"),
    text: text("text").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // Retries stop here (24 hours for most messages, 10 minutes for access codes, which expire).
    retryUntil: timestamp("retry_until", { withTimezone: true }).notNull().default(sql`now() + interval '24 hours'`),
    // A short provider error code ("timeout", "http_503"), never the provider's text: it can echo addresses.
    lastError: text("last_error"),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    providerMessageId: text("provider_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("outbox_created_idx").on(t.createdAt.desc()),
    index("outbox_undelivered_idx").on(t.organisationId, t.failedAt.desc()).where(sql`${t.status} = 'failed'`),
  ],
);
