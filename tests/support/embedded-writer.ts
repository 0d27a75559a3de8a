// A process that opens the embedded database (PGLITE_DIR) through db/client, as the app does.
// `write N`: inserts rows 1..N one by one into lock_probe, printing "open" once the database is
// held, then exits. `count`: prints the number of rows and of distinct keys.
import { sql } from "drizzle-orm";
import { closeDb, getDb, selectRows } from "../../db/client";

const [mode, arg] = process.argv.slice(2);
try {
  const db = await getDb();
  await db.execute(sql`create table if not exists lock_probe (n integer primary key)`);
  if (mode === "write") {
    console.log("open");
    const pauseMs = Number(process.env.WRITE_PAUSE_MS ?? 5);
    for (let n = 1; n <= Number(arg); n++) {
      await db.execute(sql`insert into lock_probe (n) values (${n})`);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  } else {
    const [row] = await selectRows<{ rows: number; keys: number }>(db, sql`select count(*)::int as rows, count(distinct n)::int as keys from lock_probe`);
    console.log(JSON.stringify(row));
  }
  await closeDb();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
