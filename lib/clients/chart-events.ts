import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AuditAction } from "@/lib/audit/events";

/**
 * "Audit events about this chart", as one SQL condition on `audit_events e`: every event that
 * carries the chart's client id (the chart itself, a session whose patient it is, one of its
 * documents or their shares, its portal logins and forms) — one probe of audit_events_client_idx.
 */
export function chartEventsFilter(organisationId: string, clientId: string): SQL {
  return sql`e.organisation_id = ${organisationId} and e.client_id = ${clientId}`;
}

export function actionIn(actions: readonly AuditAction[]): SQL {
  return sql`e.action in (${sql.join(actions.map((a) => sql`${a}`), sql`, `)})`;
}

/** Staff opening the chart or something of it: what "staff access" means on the disclosure record. */
export const STAFF_ACCESS_ACTIONS = ["client.viewed", "document.viewed", "document.downloaded", "session.viewed", "intake.viewed"] as const satisfies readonly AuditAction[];
