// Delivers every due outbox message (pending, or retrying after a failure) once, then exits.
// Beside a running app on the embedded database, the app's own route does it (one process per database).
import { closeDb } from "../db/client";
import { deliverDueMessages } from "../lib/outbox/deliver";
import { throughRunningApp } from "./lib/through-running-app";

const viaApp = await throughRunningApp("/api/outbox/deliver");
if (viaApp) {
  console.log(`Outbox (through the running app): ${JSON.stringify(viaApp)}`);
} else {
  const counts = await deliverDueMessages({ limit: 1000 });
  await closeDb();
  console.log(`Outbox: ${JSON.stringify(counts)}`);
}
