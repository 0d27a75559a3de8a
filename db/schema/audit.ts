import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actorType } from "./enums";
import { organisations } from "./organisations";

// Append-only, enforced by a trigger (db/migrations/*_auditlog_sql.sql): UPDATE and DELETE are refused,
// except the retention job's DELETE of events older than the organisation keeps them (lib/audit/prune-audit-events.ts).
// The action names are the AuditAction enum in lib/audit/events.ts.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    actorType: actorType("actor_type").notNull(),
    actorId: text("actor_id"),
    // The staff member's role name when it happened (roles are renamed and members change role).
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    // The client profile the event is about (directly, through a session's patient or a document), so a
    // chart's history is one indexed query. No foreign key: the log outlives the records it names.
    clientId: uuid("client_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Both end in the id, `desc nulls first` as `order by … desc` means: the audit log pages by keyset on (created_at, id).
    index("audit_events_org_idx").on(t.organisationId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
    index("audit_events_client_idx").on(t.organisationId, t.clientId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);
