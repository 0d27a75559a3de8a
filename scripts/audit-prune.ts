// The audit log's retention job: deletes events older than each organisation keeps them
// (Settings → Audit log; seven years by default) and audits each deletion. Run it daily from cron.
// Beside a running app on the embedded database, the app's own route does it (one process per database).
import { closeDb } from "../db/client";
import { pruneAuditEvents } from "../lib/audit/prune-audit-events";
import { throughRunningApp } from "./lib/through-running-app";

const viaApp = await throughRunningApp("/api/audit/prune");
if (viaApp) {
  console.log(`Audit retention (through the running app): ${JSON.stringify(viaApp)}`);
} else {
  const { total } = await pruneAuditEvents();
  await closeDb();
  console.log(`Audit retention: ${total} event(s) past their retention deleted`);
}
