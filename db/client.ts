import path from "node:path";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type Driver = "pglite" | "postgres" | "neon";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** No DATABASE_URL → embedded PGlite in .data/; a Neon URL → Neon's serverless driver; otherwise a pooled server connection. */
export function driverFor(url: string | undefined): Driver {
  if (!url) return "pglite";
  if (/\.neon\.tech(:\d+)?\//.test(url) || /[?&]neon=1\b/.test(url)) return "neon";
  return "postgres";
}

interface Connection {
  db: Database;
  driver: Driver;
  close: () => Promise<void>;
}

async function connect(url: string | undefined): Promise<Connection> {
  const driver = driverFor(url);
  if (driver === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const dir = process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.dirname(dir), { recursive: true });
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const client = new PGlite(dir, { extensions: { pg_trgm } }); // pg_trgm: the search indexes (migration 0003)
    const db = drizzle(client, { schema });
    // The embedded database creates and migrates itself on first start.
    await migrate(db, { migrationsFolder });
    return { db: db as unknown as Database, driver, close: () => client.close() };
  }
  if (driver === "neon") {
    const { Pool, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const { default: ws } = await import("ws");
    neonConfig.webSocketConstructor = ws;
    const pool = new Pool({ connectionString: url });
    return { db: drizzle(pool, { schema }) as unknown as Database, driver, close: () => pool.end() };
  }
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  return { db: drizzle(pool, { schema }) as unknown as Database, driver, close: () => pool.end() };
}

// One connection per process; kept on globalThis so dev hot reloads do not open more.
const holder = globalThis as unknown as { __carebridgeDb?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  holder.__carebridgeDb ??= connect(process.env.DATABASE_URL);
  return holder.__carebridgeDb;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}

export async function closeDb(): Promise<void> {
  const pending = holder.__carebridgeDb;
  holder.__carebridgeDb = undefined;
  if (pending) await (await pending).close();
}

/** Applies the committed migrations with the driver's own migrator (one folder serves all three). */
export async function migrateDb(): Promise<void> {
  const { db, driver } = await getConnection();
  if (driver === "pglite") return; // migrated in connect()
  if (driver === "neon") {
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    await migrate(db as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  await migrate(db as never, { migrationsFolder });
}

/** Rows of a raw `execute()`: every driver here answers with `{ rows }`. */
export async function selectRows<T>(exec: Executor, query: SQL): Promise<T[]> {
  return ((await exec.execute(query)) as unknown as { rows: T[] }).rows;
}
