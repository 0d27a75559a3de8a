import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** TEST_DRIVER=pglite: a migrated embedded database directory each test file copies. */
    pgliteTemplate: string;
    /** The migrated PostgreSQL template database each test file copies. */
    pgTemplate: string;
  }
}

/**
 * Runs once per integration run. scripts/with-postgres.sh has started a throwaway PostgreSQL
 * server and exported PG_ADMIN_URL. We build one migrated template database; every test file
 * then gets its own fresh copy of it (tests/integration/fresh-database.ts). With TEST_DRIVER=pglite
 * the template is an embedded database directory, migrated once and copied per file (migrating
 * PGlite afresh for every file cost ~8 s each).
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DRIVER === "pglite") return setupPgliteTemplate(project);
  const adminUrl = process.env.PG_ADMIN_URL;
  if (!adminUrl) throw new Error("PG_ADMIN_URL is not set: run integration tests with `npm run test:integration`.");
  // Both projects (integration, integration-isolated) copy one template, made once per run.
  const shared = globalThis as { carebridgeTemplate?: Promise<string> };
  project.provide("pgTemplate", await (shared.carebridgeTemplate ??= createTemplate(adminUrl)));
}

async function createTemplate(adminUrl: string): Promise<string> {
  const template = "carebridge_template";
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();

  process.env.DATABASE_URL = withDatabase(adminUrl, template);
  const { migrateDb, closeDb } = await import("../../db/client");
  await migrateDb();
  await closeDb();
  delete process.env.DATABASE_URL;
  return template;
}

async function setupPgliteTemplate(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), "carebridge-pglite-template-"));
  const dir = path.join(root, "data");
  const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
  process.env.DATABASE_URL = "";
  process.env.PGLITE_DIR = dir;
  const { getDb, closeDb } = await import("../../db/client");
  await getDb(); // the embedded database creates and migrates itself on open
  await closeDb();
  process.env.DATABASE_URL = saved.url;
  process.env.PGLITE_DIR = saved.dir;
  project.provide("pgliteTemplate", dir);
  return () => rmSync(root, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
