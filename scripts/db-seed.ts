// Seeds the demo organisation into DATABASE_URL (or the embedded database) — only when it is empty.
import { closeDb, getDb, migrateDb } from "../db/client";
import { seedDemo } from "../db/seed";
import { hashPassword } from "../lib/auth/password";

await migrateDb();
const seeded = await seedDemo(await getDb(), hashPassword);
await closeDb();
console.log(seeded ? "Seeded the demo organisation “Harbour Health Group”." : "The database already has data: seeding skipped.");
