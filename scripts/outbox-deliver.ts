// Delivers every due outbox message (pending, or retrying after a failure) once, then exits.
import { closeDb } from "../db/client";
import { deliverDueMessages } from "../lib/outbox/deliver";

const counts = await deliverDueMessages({ limit: 1000 });
await closeDb();
console.log(`Outbox: ${JSON.stringify(counts)}`);
