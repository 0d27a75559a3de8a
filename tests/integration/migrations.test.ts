import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { embeddedExtensions } from "@/db/embedded-extensions";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";
import * as schema from "@/db/schema";
import { DEMO_ACCOUNTS, isEmpty, seedDemo } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";

const tablesQuery = sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`;

describe("one migration folder serves every driver", () => {
  it("creates the same tables on embedded PGlite as on the PostgreSQL server", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "carebridge-pglite-"));
    const client = new PGlite(dir, { extensions: await embeddedExtensions() });
    try {
      const lite = drizzle(client, { schema });
      await migrate(lite, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
      const liteTables = (await lite.execute(tablesQuery)).rows;
      const serverTables = await selectRows<{ table_name: string }>(await getDb(), tablesQuery);
      expect(liteTables).toEqual(serverTables);
      expect(serverTables.map((r) => r.table_name)).toEqual(expect.arrayContaining(["organisations", "clinical_sessions", "session_shares", "document_shares", "outbox", "audit_events"]));
    } finally {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // Opening a second embedded database (WebAssembly start-up, the pg_trgm extension) takes most of
    // a minute on a busy shared machine.
  }, 240_000);
});

describe("the demo seed", () => {
  it("seeds Harbour Health Group once and never touches a database with data", async () => {
    const db = await getDb();
    expect(await isEmpty(db)).toBe(true);
    expect(await seedDemo(db, hashPassword)).toBe(true);
    const orgs = await db.select().from(schema.organisations);
    expect(orgs.map((o) => o.name)).toEqual(["Harbour Health Group"]);
    const users = await db.select().from(schema.users);
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    const kinds = (await db.select({ kind: schema.documents.kind }).from(schema.documents)).map((d) => d.kind);
    expect(new Set(kinds)).toEqual(new Set(["letter", "prescription", "document", "lab_result", "invoice"]));
    const [gp] = await db.select().from(schema.contacts).where(sql`${schema.contacts.email} = 'gp@northside.test'`);
    expect(gp).toMatchObject({ name: "Dr Priya Shah", organisationName: "Northside GP", mobile: "+44 7700 900123" });

    expect(await seedDemo(db, hashPassword)).toBe(false);
    expect(await db.select().from(schema.organisations)).toHaveLength(1);
  });
});
