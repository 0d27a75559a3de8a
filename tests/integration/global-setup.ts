import pg from "pg";

/**
 * Runs once per integration run. scripts/with-postgres.sh has started a throwaway PostgreSQL
 * server and exported PG_ADMIN_URL. We build one migrated template database; every test file
 * then gets its own fresh copy of it (tests/integration/fresh-database.ts).
 */
export default async function setup() {
  const adminUrl = process.env.PG_ADMIN_URL;
  if (!adminUrl) throw new Error("PG_ADMIN_URL is not set: run integration tests with `npm run test:integration`.");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("drop database if exists carebridge_template");
  await admin.query("create database carebridge_template");
  await admin.end();

  const templateUrl = withDatabase(adminUrl, "carebridge_template");
  process.env.DATABASE_URL = templateUrl;
  const { migrateDb, closeDb } = await import("../../db/client");
  await migrateDb();
  await closeDb();
  delete process.env.DATABASE_URL;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
