import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { withDatabase } from "./global-setup";

// Each test file runs on its own fresh copy of the migrated template database, or, with
// TEST_DRIVER=pglite, on its own embedded database (the newcomer's default driver).
const adminUrl = process.env.PG_ADMIN_URL!;
// On a busy machine (npm test runs both suites side by side on two cores) 50 parallel callers can
// wait for one of the pool's connections longer than the app's 5 s; the timeout tests set their own.
process.env.DATABASE_CONNECT_TIMEOUT_MS ??= "30000";
const name = `t_${randomBytes(6).toString("hex")}`;
let embeddedRoot: string | undefined;
if (process.env.TEST_DRIVER === "pglite") {
  process.env.DATABASE_URL = "";
  // A copy of the migrated template directory (global-setup.ts): opening it applies no migration.
  embeddedRoot = mkdtempSync(path.join(os.tmpdir(), `carebridge-${name}-`));
  const dir = path.join(embeddedRoot, "data");
  cpSync(inject("pgliteTemplate"), dir, { recursive: true });
  process.env.PGLITE_DIR = dir;
} else {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  await admin.end();
  process.env.DATABASE_URL = withDatabase(adminUrl, name);
}

afterAll(async () => {
  const { closeDb } = await import("../../db/client");
  await closeDb();
  if (embeddedRoot) rmSync(embeddedRoot, { recursive: true, force: true });
});
