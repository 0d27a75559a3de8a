// The end-date sweep once, then exits: removes grants past their end date, audits each ending,
// tells the granter, and sends the 3-day warnings; for external share links, emails the contact's
// reminder 4 hours before an unopened link expires (when the clinic turned it on) and tells the
// sender once when a link expired unopened. Beside a running app on the embedded database,
// the app's own route does it (one process per database).
// Cron example (hourly, on a server database):
//   0 * * * *  cd /srv/carebridge && DATABASE_URL=… npm run sweep
// or call the route: curl -fsS -X POST -H "Authorization: Bearer $SWEEP_CRON_SECRET" https://carebridge.example/api/access/sweep
import { closeDb } from "../db/client";
import { sweepExpiredAccess } from "../lib/access-ends/sweep-expired-access";
import { throughRunningApp } from "./lib/through-running-app";

const viaApp = await throughRunningApp("/api/access/sweep");
if (viaApp) {
  console.log(`Access sweep (through the running app): ${JSON.stringify(viaApp)}`);
} else {
  const counts = await sweepExpiredAccess();
  await closeDb();
  console.log(`Access sweep: ${JSON.stringify(counts)}`);
}
