import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { auditFilterParams, isUuidLike, type AuditFilters } from "./audit-filters";
import { auditConditions, fetchAuditPage, resolveAuditRows, type AuditCursor, type AuditEntry } from "./audit-query";
import { csvLine } from "./csv";
import { assertCanReadAuditLog, organisationTimeZone } from "./list-audit-events";
import { recordStaffAudit } from "./record-audit";

const BATCH = 1_000;

function csvTime(timeZone: string) {
  // sv-SE writes 2026-11-23 14:05:09: sortable, and what spreadsheets read as a date and time.
  const f = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return (d: Date) => f.format(d);
}

function csvRow(e: AuditEntry, time: (d: Date) => string): string {
  return csvLine([
    time(e.at),
    e.actor.name,
    e.actor.type,
    e.actor.role,
    e.sentence,
    e.action,
    e.record?.label,
    e.record?.id,
    e.client?.name,
    e.client?.id,
    e.ip,
    e.device,
    e.userAgent,
    e.id,
  ]);
}

/**
 * The CSV export of Settings → Audit log with its filters. The export is itself audited (before the
 * first byte, so a download cut short is still on record). The body is a pull stream: each read
 * fetches the next batch by keyset, so memory stays flat however many events match; no transaction
 * or connection is held between reads.
 */
export async function exportAuditEvents(
  actor: StaffActor,
  filters: AuditFilters,
  opts: { batchSize?: number } = {},
): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  await assertCanReadAuditLog(actor);
  const db = await getDb();
  const timeZone = await organisationTimeZone(db, actor.organisationId);
  const where = await auditConditions(db, actor.organisationId, filters, timeZone);
  // An export of one chart's history is part of that chart's history (only a chart of this organisation).
  const [client] =
    filters.client && isUuidLike(filters.client)
      ? await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, filters.client.toLowerCase()), eq(clients.organisationId, actor.organisationId)))
      : [];
  await recordStaffAudit(db, actor, {
    action: "audit.exported",
    target: { type: "organisation", id: actor.organisationId },
    clientId: client?.id ?? null,
    metadata: { filters: Object.fromEntries(auditFilterParams(filters)) },
  });

  const batch = opts.batchSize ?? BATCH;
  const time = csvTime(timeZone);
  const encoder = new TextEncoder();
  let cursor: AuditCursor | null = null;
  let header = true;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (header) {
          header = false;
          controller.enqueue(
            encoder.encode(
              csvLine([`When (${timeZone})`, "Who", "Kind of person", "Role at the time", "What", "Action", "Record", "Record id", "Client", "Client id", "IP address", "Device", "User agent", "Event id"]),
            ),
          );
          return;
        }
        const exec = await getDb();
        const rows = await fetchAuditPage(exec, where, { limit: batch, after: cursor });
        if (rows.length === 0) {
          controller.close();
          return;
        }
        cursor = { at: rows.at(-1)!.cursorAt, id: rows.at(-1)!.id };
        const entries = await resolveAuditRows(exec, actor.organisationId, rows);
        controller.enqueue(encoder.encode(entries.map((e) => csvRow(e, time)).join("")));
        if (rows.length < batch) controller.close();
      },
    },
    // One batch at a time: the next is read only when the consumer has taken this one.
    { highWaterMark: 0 },
  );
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return { stream, filename: `audit-log-${today}.csv` };
}
