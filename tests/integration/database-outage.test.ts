import net from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { closeDb, getDb, selectRows } from "@/db/client";
import { GET as health } from "@/app/api/health/route";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { verifyClientCredentials } from "@/lib/client-portal/verify-client-credentials";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { listSessions } from "@/lib/sessions/list-sessions";
import { createMember, createOrganisation, TEST_PASSWORD } from "@/tests/support/factories";

// A hung database used to hang every request for as long as it hung (93 s with PostgreSQL frozen
// for 90 s). Now every wait has a cap. "Frozen" here is a TCP server that accepts and never answers,
// or a proxy to the real server that stops forwarding: the server looks alive but says nothing.
// Bounds are generous (the machine is shared): they only prove nothing waits anywhere near that long.
const NEVER = 30_000;
const ourUrl = process.env.DATABASE_URL!;
const realUrl = process.env.DATABASE_URL || process.env.PG_ADMIN_URL!;
const client = { ip: "203.0.113.7", userAgent: "vitest" };

const servers: net.Server[] = [];
async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Accepts connections and never says a word. */
async function silentServer(): Promise<number> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => sockets.push(s));
  server.on("close", () => sockets.forEach((s) => s.destroy()));
  return listen(server);
}

/** Forwards to the real PostgreSQL until frozen; then holds every byte both ways. */
async function freezableProxy(target: URL) {
  let frozen = false;
  const pairs: [net.Socket, net.Socket][] = [];
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port || 5432), target.hostname);
    pairs.push([inbound, outbound]);
    inbound.on("data", (d) => !frozen && outbound.write(d));
    outbound.on("data", (d) => !frozen && inbound.write(d));
    inbound.on("error", () => outbound.destroy());
    outbound.on("error", () => inbound.destroy());
    inbound.on("close", () => outbound.destroy());
    outbound.on("close", () => inbound.destroy());
  });
  server.on("close", () => pairs.flat().forEach((s) => s.destroy()));
  const port = await listen(server);
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { url: url.toString(), freeze: () => (frozen = true) };
}

async function useDatabase(url: string, env: Record<string, string> = {}) {
  await closeDb();
  process.env.DATABASE_URL = url;
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
}

async function elapsed<T>(run: () => Promise<T>): Promise<{ ms: number; result?: T; error?: unknown }> {
  const started = Date.now();
  try {
    const result = await run();
    return { ms: Date.now() - started, result };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

afterEach(async () => {
  await closeDb();
  process.env.DATABASE_URL = ourUrl;
  for (const k of ["DATABASE_CONNECT_TIMEOUT_MS", "DATABASE_STATEMENT_TIMEOUT_MS", "DATABASE_QUERY_TIMEOUT_MS", "HEALTH_TIMEOUT_MS"]) delete process.env[k];
});
afterAll(() => servers.forEach((s) => s.close()));

describe("/api/health", () => {
  it("answers 200 with the database reachable, migrations current and the outbox backlog, and nothing personal", async () => {
    await getDb(); // opened (the embedded database migrates itself on open, slower than the health check's wait)
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok", migrations: "current", outboxBacklog: expect.any(Number) });
  });

  it("answers 503 quickly when the database accepts connections and never answers", async () => {
    const port = await silentServer();
    await useDatabase(`postgres://postgres@127.0.0.1:${port}/carebridge`, { HEALTH_TIMEOUT_MS: "1000" });
    const { ms, result } = await elapsed(() => health());
    expect(result!.status).toBe(503);
    expect(await result!.json()).toEqual({ status: "unavailable", database: "unreachable", migrations: "unknown", outboxBacklog: null });
    expect(ms).toBeLessThan(NEVER);
  });

  it("answers 503 when a committed migration has not been applied", async () => {
    if (!process.env.DATABASE_URL) return; // the embedded database migrates itself on open
    const db = await getDb();
    await db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    const response = await health();
    expect(response.status).toBe(503);
    expect((await response.json()).migrations).toBe("pending");
  });
});

describe("a hung PostgreSQL fails requests within the timeouts", () => {
  it("gives up connecting after the connect timeout, with an error the app recognises as 'unavailable'", async () => {
    const port = await silentServer();
    await useDatabase(`postgres://postgres@127.0.0.1:${port}/carebridge`, { DATABASE_CONNECT_TIMEOUT_MS: "1000" });
    const { ms, error } = await elapsed(async () => (await getDb()).execute(sql`select 1`));
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(NEVER);
  });

  it("gives up waiting for an answer on a connection that froze, drops it, and recovers when the server does", async () => {
    const proxy = await freezableProxy(new URL(realUrl));
    await useDatabase(proxy.url, { DATABASE_QUERY_TIMEOUT_MS: "1500", DATABASE_CONNECT_TIMEOUT_MS: "1000" });
    const db = await getDb();
    await db.execute(sql`select 1`); // a pooled connection exists
    proxy.freeze();
    const inQuery = await elapsed(() => db.execute(sql`select 1`));
    expect(isDatabaseUnavailable(inQuery.error)).toBe(true);
    expect(inQuery.ms).toBeLessThan(NEVER);
    const inTransaction = await elapsed(() => db.transaction(async (tx) => tx.execute(sql`select 1`)));
    expect(isDatabaseUnavailable(inTransaction.error)).toBe(true);
    expect(inTransaction.ms).toBeLessThan(NEVER);
    // The server is back (a fresh path to it): the pool must not hand out the dead connection.
    await useDatabase(realUrl);
    expect(await selectRows<{ one: number }>(await getDb(), sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it("the Sessions list, whose pages run on a pool of their own (planned once), fails as fast on a frozen connection and recovers", async () => {
    const org = await createOrganisation();
    const member = await createMember(org, { role: "clinician" });
    const proxy = await freezableProxy(new URL(realUrl));
    await useDatabase(proxy.url, { DATABASE_QUERY_TIMEOUT_MS: "1500", DATABASE_CONNECT_TIMEOUT_MS: "1000" });
    expect((await listSessions(member, { tab: "mine" })).items).toEqual([]); // that pool has a connection
    proxy.freeze();
    const frozen = await elapsed(() => listSessions(member, { tab: "shared" }));
    expect(isDatabaseUnavailable(frozen.error)).toBe(true);
    expect(frozen.ms).toBeLessThan(NEVER);
    await useDatabase(realUrl);
    expect((await listSessions(member, { tab: "mine" })).items).toEqual([]);
  });

  it("cancels a statement that runs past statement_timeout, and sets idle_in_transaction_session_timeout", async () => {
    if (!process.env.DATABASE_URL) return; // PGlite is in-process: nothing to time out
    await useDatabase(realUrl, { DATABASE_STATEMENT_TIMEOUT_MS: "500" });
    const db = await getDb();
    const { error, ms } = await elapsed(() => db.execute(sql`select pg_sleep(20)`));
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(ms).toBeLessThan(NEVER);
    const [row] = await selectRows<{ idle_in_transaction_session_timeout: string }>(db, sql`show idle_in_transaction_session_timeout`);
    expect(row!.idle_in_transaction_session_timeout).toBe("10s");
  });

  it("a correct sign-in during an outage fails as 'unavailable', not as a wrong password", async () => {
    const org = await createOrganisation();
    const member = await createMember(org, { role: "clinician" });
    const port = await silentServer();
    await useDatabase(`postgres://postgres@127.0.0.1:${port}/carebridge`, { DATABASE_CONNECT_TIMEOUT_MS: "1000" });
    const staff = await elapsed(() => verifyStaffCredentials({ email: member.email, password: TEST_PASSWORD, client }));
    expect(staff.result).toBeUndefined();
    expect(isDatabaseUnavailable(staff.error)).toBe(true);
    expect(staff.ms).toBeLessThan(NEVER);
    const portal = await elapsed(() => verifyClientCredentials({ email: "client@example.test", password: TEST_PASSWORD, client }));
    expect(isDatabaseUnavailable(portal.error)).toBe(true);
  });
});
