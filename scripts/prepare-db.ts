// Before `npm run dev`: create, migrate and (when empty) seed the database, then release it
// so the app can open it (embedded PGlite allows one process at a time).
import { closeDb, getConnection, getDb, migrateDb } from "../db/client";
import { seedDemo } from "../db/seed";
import { hashPassword } from "../lib/auth/password";

const started = Date.now();
const { driver } = await getConnection();
await migrateDb();
const seeded = await seedDemo(await getDb(), hashPassword);
await closeDb();
console.log(`Database ready (${driver}${seeded ? ", demo organisation seeded" : ""}) in ${Date.now() - started} ms.`);
