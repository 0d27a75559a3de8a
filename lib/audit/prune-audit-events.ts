import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows, type Database } from "@/db/client";
import { recordAudit } from "./record-audit";

/** Events of no organisation (refused portal links, unknown sign-ins) are kept this long. */
export const DEFAULT_AUDIT_RETENTION_YEARS = 7;
const BATCH = 5_000;

export interface PruneResult {
  /** Deleted events per organisation id ("none" for events of no organisation). */
  deleted: Record<string, number>;
  total: number;
}

/**
 * The retention job: deletes audit events older than their organisation keeps them
 * (organisations.audit_retention_years). The append-only trigger on audit_events lets a DELETE
 * through only inside a transaction that set carebridge.audit_prune, and only for an event past its
 * retention, so this is the one way events ever leave the table. Each organisation's deletion is
 * itself audited (a system event with the count). Batched, so a first run on years of
 * events does not hold one huge transaction.
 */
export async function pruneAuditEvents(opts: { db?: Database; batchSize?: number } = {}): Promise<PruneResult> {
  const db = opts.db ?? (await getDb());
  const batch = opts.batchSize ?? BATCH;
  const deleted: Record<string, number> = {};
  for (;;) {
    const rows = await db.transaction(async (tx) => {
      // Transaction-local (`true`): gone at commit, and on this connection only.
      await tx.execute(sql`select set_config('carebridge.audit_prune', 'on', true)`);
      return selectRows<{ organisation_id: string | null; n: number }>(tx, sql`
        with expired as (
          select a.id from audit_events a left join organisations o on o.id = a.organisation_id
          where a.created_at < now() - make_interval(years => coalesce(o.audit_retention_years, ${DEFAULT_AUDIT_RETENTION_YEARS}))
          limit ${batch}
        ), gone as (
          delete from audit_events a using expired e where a.id = e.id returning a.organisation_id
        )
        select organisation_id, count(*)::int as n from gone group by organisation_id`);
    });
    for (const r of rows) deleted[r.organisation_id ?? "none"] = (deleted[r.organisation_id ?? "none"] ?? 0) + Number(r.n);
    if (rows.reduce((sum, r) => sum + Number(r.n), 0) < batch) break;
  }
  for (const [organisationId, count] of Object.entries(deleted)) {
    await recordAudit(db, {
      organisationId: organisationId === "none" ? null : organisationId,
      actor: { type: "system" },
      action: "audit.events_pruned",
      metadata: { deleted: count },
      ip: null,
    });
  }
  return { deleted, total: Object.values(deleted).reduce((a, b) => a + b, 0) };
}
