import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { withDatabase } from "./global-setup";

// Each test file runs on its own fresh copy of the migrated template database.
const adminUrl = process.env.PG_ADMIN_URL!;
const name = `t_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name} template carebridge_template`);
await admin.end();
process.env.DATABASE_URL = withDatabase(adminUrl, name);

afterAll(async () => {
  const { closeDb } = await import("../../db/client");
  await closeDb();
});
