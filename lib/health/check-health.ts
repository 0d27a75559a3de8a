import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";

/** What /api/health answers: counts and states only, never a row or a name. */
export interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable" | "error";
  migrations: "current" | "pending" | "unknown";
  /** Messages waiting to be delivered (pending or being sent), or null when the database did not answer. */
  outboxBacklog: number | null;
}

/** Load balancers wait a few seconds at most: the answer comes within this, whatever the database does. */
export function healthTimeoutMs(): number {
  const v = Number(process.env.HEALTH_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 2_000;
}

class HealthTimeout extends Error {}

/**
 * Is the database reachable, are the committed migrations applied (the journal compared with
 * drizzle's __drizzle_migrations table), and how many messages wait in the outbox?
 */
export async function checkHealth(): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout()), healthTimeoutMs());
  });
  try {
    const db = await Promise.race([getDb(), deadline]);
    const [applied, [backlog]] = await Promise.race([
      Promise.all([
        selectRows<{ created_at: string | number }>(db, sql`select created_at from drizzle.__drizzle_migrations`).catch(() => null),
        selectRows<{ n: number }>(db, sql`select count(*)::int as n from outbox where status in ('pending', 'sending')`),
      ]),
      deadline,
    ]);
    const migrations = applied === null ? "pending" : migrationsCurrent(applied.map((r) => Number(r.created_at))) ? "current" : "pending";
    return { status: migrations === "current" ? "ok" : "unavailable", database: "ok", migrations, outboxBacklog: backlog?.n ?? 0 };
  } catch (e) {
    const unreachable = e instanceof HealthTimeout || isDatabaseUnavailable(e);
    if (!unreachable) console.error("Health check failed", e instanceof Error ? e.name : "unknown error");
    return { status: "unavailable", database: unreachable ? "unreachable" : "error", migrations: "unknown", outboxBacklog: null };
  } finally {
    clearTimeout(timer);
  }
}

/** Drizzle applies a migration when its folder time is newer than the last applied one: the same test here. */
function migrationsCurrent(appliedTimes: number[]): boolean {
  const latestCommitted = Math.max(...journal.entries.map((e) => e.when));
  return appliedTimes.length >= journal.entries.length && Math.max(...appliedTimes) >= latestCommitted;
}
