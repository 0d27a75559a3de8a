// Commands that need the embedded database while the app runs must not open it (one process at
// a time): they ask the running app's route instead, with the secret from the lock file.
import { driverFor, embeddedDataDir } from "../../db/client";
import { embeddedLockOwner } from "../../db/embedded-lock";

/**
 * When the embedded database is held by a running app, POSTs to `route` on it and returns the JSON
 * answer; returns null when the command may open the database itself (a server database, or
 * nobody holds the embedded one).
 */
export async function throughRunningApp(route: string): Promise<unknown | null> {
  if (driverFor(process.env.DATABASE_URL) !== "pglite") return null;
  const owner = embeddedLockOwner(embeddedDataDir());
  if (!owner) return null;
  const base = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const url = new URL(route, base);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${owner.secret}` } });
  } catch {
    throw new Error(`The embedded database is in use by process ${owner.pid} (${owner.command}), and the app does not answer at ${url.origin}. Set APP_URL to its address, or stop it.`);
  }
  if (!response.ok) throw new Error(`The running app at ${url.origin} answered ${response.status} to ${url.pathname}.`);
  return response.json();
}
