import path from "node:path";
import type { ExtractTablesWithRelations, Query, SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from "drizzle-orm/pg-core";
import { installSafeQueryErrors } from "./safe-query-errors";
import { heldLockSecret } from "./embedded-lock";
import * as schema from "./schema";

// Failed queries are rethrown without their bound values (patient data): see safe-query-errors.ts.
installSafeQueryErrors();

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

/**
 * Drizzle's logger hook, used only to tell listeners that a statement was sent (the tests that
 * count a page's round trips). It never logs: statements and their values may carry patient data.
 */
const listeners = new Set<(statement: string) => void>();
const statementListeners = {
  logQuery(statement: string) {
    for (const listener of listeners) listener(statement);
  },
};

/** Calls `listener` with each statement's text (never its values) until the returned function is called. */
export function onStatement(listener: (statement: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface Connection {
  db: Database;
  driver: Driver;
  /** Server PostgreSQL only: the pool for statements planned once for everyone (see `selectPlannedOnce`). */
  plannedOnceDb?: Database;
  close: () => Promise<void>;
}

/** Timeouts for server connections, so a hung or frozen database fails requests fast instead of holding them. */
export interface DatabaseTimeouts {
  /** Waiting for a pooled connection, or for a new one to be established. */
  connectMs: number;
  /** Server-side cap on one statement (longer only for named jobs, which raise it with SET LOCAL). */
  statementMs: number;
  /** Server-side cap on a transaction left open doing nothing (a crashed or stuck request). */
  idleInTransactionMs: number;
  /** Client-side cap on waiting for an answer: a frozen server enforces nothing itself. */
  queryMs: number;
}

function msFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : NaN;
  return Number.isFinite(value) && value > 0 ? Math.round(value) : fallback;
}

export function databaseTimeouts(): DatabaseTimeouts {
  const statementMs = msFromEnv("DATABASE_STATEMENT_TIMEOUT_MS", 15_000);
  return {
    connectMs: msFromEnv("DATABASE_CONNECT_TIMEOUT_MS", 5_000),
    statementMs,
    idleInTransactionMs: msFromEnv("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 10_000),
    queryMs: msFromEnv("DATABASE_QUERY_TIMEOUT_MS", statementMs + 5_000),
  };
}

export function embeddedDataDir(): string {
  return process.env.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite");
}

/** pg's client-side read timeout leaves the connection waiting for the late answer; close it, so the pool drops it. */
function closeOnReadTimeout<C extends { connection: { stream: { destroy(): void } } }>(client: C, error: unknown) {
  if (error instanceof Error && error.message === "Query read timeout") client.connection.stream.destroy();
}

async function connect(url: string | undefined): Promise<Connection> {
  const driver = driverFor(url);
  if (driver === "pglite") {
    const dir = embeddedDataDir();
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.dirname(dir), { recursive: true });
    // One process at a time: two processes writing one PGlite directory lose and duplicate rows.
    const { acquireEmbeddedLock, releaseEmbeddedLock } = await import("./embedded-lock");
    acquireEmbeddedLock(dir);
    try {
      const { PGlite } = await import("@electric-sql/pglite");
      const { drizzle } = await import("drizzle-orm/pglite");
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      const { embeddedExtensions } = await import("./embedded-extensions");
      const client = new PGlite(dir, { extensions: await embeddedExtensions() });
      const db = drizzle(client, { schema, logger: statementListeners });
      // The embedded database creates and migrates itself on first start.
      await migrate(db, { migrationsFolder });
      return {
        db: db as unknown as Database,
        driver,
        close: async () => {
          await client.close();
          releaseEmbeddedLock(dir);
        },
      };
    } catch (e) {
      releaseEmbeddedLock(dir);
      throw e;
    }
  }
  const t = databaseTimeouts();
  if (driver === "neon") {
    const { Pool, Client, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const { default: ws } = await import("ws");
    neonConfig.webSocketConstructor = ws;
    // Neon's pooler (PgBouncer) refuses startup parameters such as statement_timeout, so only the
    // client-side limits are set here; the README asks for `ALTER ROLE … SET statement_timeout`.
    const pool = new Pool({
      connectionString: url,
      connectionTimeoutMillis: t.connectMs,
      query_timeout: t.queryMs,
      Client: guardedClient(Client),
    });
    pool.on("error", logPoolError);
    return { db: drizzle(pool, { schema, logger: statementListeners }) as unknown as Database, driver, close: () => pool.end() };
  }
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const serverPool = (settings: Record<string, string>) => {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      connectionTimeoutMillis: t.connectMs,
      statement_timeout: t.statementMs,
      idle_in_transaction_session_timeout: t.idleInTransactionMs,
      query_timeout: t.queryMs,
      // The app's queries are short and indexed; JIT compiling a large plan costs seconds (measured at
      // a million documents: 3.7 s of JIT for a 6 s list) and never pays back for OLTP.
      options: Object.entries({ jit: "off", ...settings })
        .map(([name, value]) => `-c ${name}=${value}`)
        .join(" "),
      keepAlive: true,
      Client: guardedClient(pg.Client),
    });
    pool.on("error", logPoolError);
    return pool;
  };
  const pool = serverPool({});
  // Opened on first use: its connections only ever run the few statements `selectPlannedOnce` names.
  const plannedOncePool = serverPool(PLANNED_ONCE_SETTINGS);
  return {
    db: drizzle(pool, { schema, logger: statementListeners }) as unknown as Database,
    plannedOnceDb: drizzle(plannedOncePool, { schema, logger: statementListeners }) as unknown as Database,
    driver,
    close: async () => {
      await Promise.all([pool.end(), plannedOncePool.end()]);
    },
  };
}

/**
 * The settings of the pool behind `selectPlannedOnce`: each named statement is planned once per
 * connection, for everyone (a generic plan), and that plan may not read an index through a bitmap,
 * so it walks its index in the list's order and stops at the page's end, whoever asks.
 */
export const PLANNED_ONCE_SETTINGS = { plan_cache_mode: "force_generic_plan", enable_bitmapscan: "off" } as const;

// A pool client whose read timed out is closed (see closeOnReadTimeout), for both callback and promise calls.
interface QueryableClient {
  query(...args: unknown[]): unknown;
  connection: { stream: { destroy(): void } };
}
function guardedClient<T>(Client: T): T {
  // A mixin over two structurally identical client classes (pg, and Neon's fork of it).
  const Base = Client as unknown as new (...args: unknown[]) => QueryableClient;
  return class extends Base {
    query(...args: unknown[]) {
      const last = args[args.length - 1];
      if (typeof last === "function") {
        args[args.length - 1] = (err: unknown, res: unknown) => {
          closeOnReadTimeout(this, err);
          (last as (e: unknown, r: unknown) => void)(err, res);
        };
        return (super.query as (...a: unknown[]) => unknown)(...args);
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result instanceof Promise) result.catch((err: unknown) => closeOnReadTimeout(this, err));
      return result;
    }
  } as unknown as T;
}

// A connection that dies while idle in the pool: the pool drops it and makes a new one. Logged without details (they can name hosts and users).
function logPoolError(error: Error & { code?: string }) {
  console.error(`Database connection lost${error.code ? ` (${error.code})` : ""}; the pool will reconnect.`);
}

// One connection per process; kept on globalThis so dev hot reloads do not open more.
const holder = globalThis as unknown as { __carebridgeDb?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  if (!holder.__carebridgeDb) {
    const pending = connect(process.env.DATABASE_URL);
    holder.__carebridgeDb = pending;
    // A failed start (database in use by another process, unreachable) is not cached: the next call tries again.
    pending.catch(() => {
      if (holder.__carebridgeDb === pending) holder.__carebridgeDb = undefined;
    });
  }
  return holder.__carebridgeDb;
}

/**
 * `build(exec)`'s result, made once per executor (the pool for the process's lifetime, a transaction
 * for its own): for prepared statements whose building costs more than running them. Only the
 * statement's text is kept; every value is a placeholder bound per call.
 */
export function oncePerExecutor<E extends object, T>(build: (exec: E) => T): (exec: E) => T {
  const made = new WeakMap<E, T>();
  return (exec) => {
    let value = made.get(exec);
    if (value === undefined) made.set(exec, (value = build(exec)));
    return value;
  };
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

const dialect = new PgDialect();

/**
 * A raw statement's text and parameters, rendered once: SQL whose values are placeholders
 * (`sql.placeholder(name)`) can be kept and run with each call's values (`selectStatement`),
 * instead of being composed and rendered again on every call.
 */
export function renderStatement(query: SQL): Query {
  return dialect.sqlToQuery(query);
}

/** Rows of a rendered statement, its placeholders filled with `values`. Planned on every call, as `selectRows` is. */
export async function selectStatement<T>(exec: Executor, statement: Query, values: Record<string, unknown>, name?: string): Promise<T[]> {
  const result = await exec._.session.prepareQuery(statement, undefined, name, false).execute(values);
  return (result as unknown as { rows: T[] }).rows;
}

/**
 * Rows of a rendered statement planned once for everyone: on a server PostgreSQL it is prepared as
 * `name` on a pool of its own (PLANNED_ONCE_SETTINGS), so a call skips planning, which costs as much
 * as running a short list page. Only for statements whose one plan is right for anyone (a page that
 * walks an index in order: tested with EXPLAIN in tests/integration/sessions-list-explain.test.ts);
 * a search, whose best plan depends on the words, is planned per call. Elsewhere (PGlite, Neon's
 * pooler, which takes no startup settings) it is planned per call as `selectStatement` is.
 */
export async function selectPlannedOnce<T>(name: string, statement: Query, values: Record<string, unknown>): Promise<T[]> {
  const connection = await getConnection();
  if (!connection.plannedOnceDb) return selectStatement<T>(connection.db, statement, values);
  return selectStatement<T>(connection.plannedOnceDb, statement, values, name);
}

/**
 * The secret of the embedded-database lock this process holds, if any. Commands started beside the
 * running app (`npm run outbox:deliver`) read it from the lock file and present it to the app's
 * route instead of opening the database themselves.
 */
export function heldEmbeddedLockSecret(): string | null {
  if (driverFor(process.env.DATABASE_URL) !== "pglite") return null;
  return heldLockSecret(embeddedDataDir());
}
