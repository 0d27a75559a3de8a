import { sql } from "drizzle-orm";
import { PLANNED_ONCE_SETTINGS, selectRows, type Database } from "../../db/client";

let probes = 0;

/**
 * EXPLAIN of the one plan a statement run through `selectPlannedOnce` gets for everyone, made as the
 * connections of that pool make it (its settings, a generic plan). For the tests and the benchmark.
 */
export async function explainPlannedOnce(db: Database, statement: string, values: unknown[]): Promise<string> {
  return db.transaction(async (tx) => {
    for (const [name, value] of Object.entries(PLANNED_ONCE_SETTINGS)) await tx.execute(sql.raw(`set local ${name} = ${value}`));
    const name = `planned_once_probe_${++probes}`;
    await tx.execute(sql.raw(`prepare ${name} as ${statement}`));
    // EXECUTE takes no bound parameters: the values are written as literals (uuids, dates, numbers, and the teams' uuid array).
    const literal = (v: unknown): string =>
      typeof v === "number" ? String(v) : `'${(Array.isArray(v) ? `{${v.join(",")}}` : String(v)).replace(/'/g, "''")}'`;
    const rows = await selectRows<{ "QUERY PLAN": string }>(tx, sql.raw(`explain execute ${name}(${values.map(literal).join(", ")})`));
    await tx.execute(sql.raw(`deallocate ${name}`));
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}
