import http from "node:http";
import { expect, test } from "@playwright/test";
import { query } from "../db";

// The e2e server runs with the default TRUSTED_PROXY_HOPS=0: the client IP is the socket address.
// Each request here leaves from its own loopback address (Linux answers on all of 127.0.0.0/8), so
// this test spends only its own per-IP budget and the rest of the suite (from 127.0.0.1) keeps its own.
const port = Number(process.env.E2E_PORT ?? 3100);
const source = `127.0.0.${50 + Math.floor(Math.random() * 200)}`;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, localAddress: source, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** One staff sign-in attempt straight at Auth.js's credentials callback, with its own CSRF cookie. */
async function attempt(email: string, forwardedFor: string): Promise<Reply> {
  const csrf = await send("GET", "/api/auth/csrf", { "x-forwarded-for": forwardedFor });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ email, password: "not-the-password", csrfToken }).toString();
  return send("POST", "/api/auth/callback/credentials", {
    cookie,
    "content-type": "application/x-www-form-urlencoded",
    "x-forwarded-for": forwardedFor,
    "x-real-ip": forwardedFor,
    "x-carebridge-socket-address": forwardedFor, // a client cannot set the stamped header either
  }, form);
}

test("a new X-Forwarded-For value on each attempt neither resets the per-IP sign-in limit nor lands in the audit log", async () => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  // The staff sign-in allows 30 failures per IP in 15 minutes (lib/rate-limit/catalogue.ts).
  for (let i = 0; i < 30; i++) {
    const reply = await attempt(`nobody-${run}-${i}@spoof.test`, `203.0.113.${i + 1}`);
    expect(reply.status, `attempt ${i + 1}`).not.toBe(429);
  }
  const refused = await attempt(`nobody-${run}-30@spoof.test`, "198.51.100.250");
  expect(refused.status).toBe(429);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);

  const ips = await query<{ ip: string | null }>(
    "select distinct ip from audit_events where action = 'auth.sign_in_failed' and metadata->>'email' like $1",
    [`nobody-${run}-%@spoof.test`],
  );
  expect(ips).toEqual([{ ip: source }]);
});

test("another address keeps its own budget", async ({ request }) => {
  // Run after the test above has spent this file's source address: 127.0.0.1 still gets through.
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const reply = await request.post("/api/auth/callback/credentials", {
    form: { email: `nobody-${Date.now().toString(36)}@spoof.test`, password: "not-the-password", csrfToken },
    maxRedirects: 0,
  });
  expect(reply.status()).not.toBe(429);
});
