import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { shareAccess } from "./enums";
import { organisations, users } from "./organisations";

export const accessRequestTarget = pgEnum("access_request_target", ["clinical_session", "client"]);
export const accessRequestStatus = pgEnum("access_request_status", ["pending", "approved", "declined", "expired"]);

/**
 * "Request access" from the no-access page of a session or chart. `target_id` is deliberately not a
 * foreign key: a request for an id that does not exist (or is another clinic's) is stored and
 * answered exactly like one for a real record, so the page never reveals which is which.
 * A request is pending only while `status = 'pending'` and `expires_at` (14 days) is in the future.
 */
export const accessRequests = pgTable(
  "access_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    requesterId: uuid("requester_id").notNull().references(() => users.id),
    targetType: accessRequestTarget("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    // Sessions: the level asked for (view or edit). Charts: null (to be added to the access list).
    level: shareAccess("level"),
    message: text("message"),
    status: accessRequestStatus("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    // One open request per person and record: a second click shows the first, never a duplicate.
    uniqueIndex("access_requests_pending_key").on(t.requesterId, t.targetType, t.targetId).where(sql`${t.status} = 'pending'`),
    // The hourly cap counts the requester's recent requests.
    index("access_requests_requester_idx").on(t.requesterId, t.createdAt),
  ],
);
