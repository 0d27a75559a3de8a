// Applies the committed migrations to DATABASE_URL, or to the embedded database when it is unset.
import { closeDb, getConnection, migrateDb } from "../db/client";

const { driver } = await getConnection();
await migrateDb();
await closeDb();
console.log(`Migrations applied (${driver}).`);
