import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AuditAction } from "@/lib/audit/events";

/**
 * "Audit events about this chart", as one SQL condition on `audit_events e`: the chart itself,
 * its documents and their external shares, the sessions whose patient profile it is and its
 * intake forms (each probe uses audit_events_target_idx).
 * When audit_events.client_id lands (the audit-log work), this becomes `e.client_id = …`.
 */
export function chartEventsFilter(organisationId: string, clientId: string): SQL {
  return sql`e.organisation_id = ${organisationId} and (
    (e.target_type = 'client' and e.target_id = ${clientId})
    or (e.target_type = 'document' and e.target_id in (select d.id::text from documents d where d.client_id = ${clientId}))
    or (e.target_type = 'document_share' and e.target_id in (select ds.id::text from document_shares ds join documents d on d.id = ds.document_id where d.client_id = ${clientId}))
    or (e.target_type = 'clinical_session' and e.target_id in (select cs.id::text from clinical_sessions cs where cs.client_id = ${clientId}))
    or (e.target_type = 'intake_request' and e.target_id in (select ir.id::text from intake_requests ir where ir.client_id = ${clientId}))
  )`;
}

export function actionIn(actions: readonly AuditAction[]): SQL {
  return sql`e.action in (${sql.join(actions.map((a) => sql`${a}`), sql`, `)})`;
}

/** Staff opening the chart or something of it: what "staff access" means on the disclosure record. */
export const STAFF_ACCESS_ACTIONS = ["client.viewed", "document.viewed", "document.downloaded", "session.viewed", "intake.viewed"] as const satisfies readonly AuditAction[];
