// A small clinic's load on a running production build: 10 staff users at once, each looping over
// the pages they use (sessions, a session, clients, a chart, documents, the notification bell) and
// writing (saving session notes, starting a session). Prints p50/p95 per page and PASS/MISS against
// the 1 s p95 target. Usage (see README):
//   npm run build && npm start            # no DATABASE_URL: the embedded database
//   npm run load:embedded                 # in a second terminal
// Settings: LOAD_URL (default http://127.0.0.1:3000), LOAD_USERS (10), LOAD_SECONDS (60),
// LOAD_P95_MS (1000), LOAD_THINK_MS (0: each user's requests back to back), NEXT_DIST_DIR (.next: where the build's server-action ids are read from).
import { readFileSync } from "node:fs";
import path from "node:path";

const base = process.env.LOAD_URL ?? "http://127.0.0.1:3000";
const userCount = Number(process.env.LOAD_USERS ?? 10);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const targetMs = Number(process.env.LOAD_P95_MS ?? 1000);
const password = process.env.LOAD_PASSWORD ?? "carebridge-demo";
// Pause between one user's requests (reading the page). 0 = back to back, far harsher than people.
const thinkMs = Number(process.env.LOAD_THINK_MS ?? 0);
// The demo organisation's staff who may start sessions (the secretary has no Sessions area).
// Ten users from these accounts, two browsers each, as in a clinic where people use a desk and a tablet.
const accounts = (process.env.LOAD_ACCOUNTS ?? "admin@harbour.test,maya@harbour.test,nina@harbour.test,leo@harbour.test,sam@harbour.test").split(",");

type Page = "/sessions" | "/sessions/[id]" | "/clients" | "/clients/[id]" | "/documents" | "/api/notifications" | "save notes" | "start session";
const samples = new Map<Page, number[]>();
const failures = new Map<Page, number>();

function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids[`${entry.filename}#${entry.exportedName}`] = id;
  return ids;
}

class Browser {
  private cookies = new Map<string, string>();
  constructor(readonly email: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
    }
  }
  async fetch(url: string, init: RequestInit = {}) {
    const response = await fetch(new URL(url, base), {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), Cookie: this.cookieHeader(), Origin: new URL(base).origin },
    });
    this.keep(response);
    return response;
  }

  /** Auth.js credentials sign-in, as the form does it: CSRF token, then the callback. */
  async signIn() {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const body = new URLSearchParams({ email: this.email, password, csrfToken: csrf.csrfToken, callbackUrl: `${base}/sessions` });
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    await response.text();
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`Sign-in failed for ${this.email} (${response.status})`);
  }

  /** A `(prevState, formData)` server action, called as React's client calls it. */
  async action(id: string, pagePath: string, fields: Record<string, string>) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
    body.append("0", JSON.stringify([{}, "$K1"]));
    return this.fetch(pagePath, { method: "POST", body, headers: { "Next-Action": id, Accept: "text/x-component" } });
  }
}

async function timed(page: Page, run: () => Promise<Response>): Promise<string> {
  if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
  const started = performance.now();
  let status = 0;
  let text = "";
  try {
    const response = await run();
    status = response.status;
    text = await response.text();
  } catch {
    status = 0;
  }
  const ms = performance.now() - started;
  if (status === 0 || status >= 500 || (status >= 400 && status !== 404)) failures.set(page, (failures.get(page) ?? 0) + 1);
  else (samples.get(page) ?? samples.set(page, []).get(page)!).push(ms);
  return text;
}

const uuids = (html: string, prefix: string) => [...new Set([...html.matchAll(new RegExp(`href="${prefix}/([0-9a-f-]{36})"`, "g"))].map((m) => m[1]!))];

async function user(browser: Browser, ids: Record<string, string>, until: number, n: number) {
  const createId = ids["app/(app)/sessions/actions.ts#createSessionAction"];
  const updateId = ids["app/(app)/sessions/[sessionId]/actions.ts#updateSessionAction"];
  if (!createId || !updateId) throw new Error("Server action ids not found: build first, and set NEXT_DIST_DIR if the build is not in .next");
  let mySession: string | null = null;
  let round = 0;
  while (Date.now() < until) {
    round++;
    const list = await timed("/sessions", () => browser.fetch("/sessions"));
    const sessionIds = uuids(list, "/sessions");
    if (sessionIds.length) {
      const id = sessionIds[round % sessionIds.length]!;
      await timed("/sessions/[id]", () => browser.fetch(`/sessions/${id}`));
    }
    const clients = await timed("/clients", () => browser.fetch("/clients"));
    const clientIds = uuids(clients, "/clients");
    if (clientIds.length) await timed("/clients/[id]", () => browser.fetch(`/clients/${clientIds[round % clientIds.length]}`));
    await timed("/documents", () => browser.fetch("/documents"));
    await timed("/api/notifications", () => browser.fetch("/api/notifications"));
    if (!browser.email.startsWith("sam@")) {
      if (!mySession || round % 5 === 0) {
        const response = await (async () => {
          let location: string | null = null;
          await timed("start session", async () => {
            const r = await browser.action(createId, "/sessions/new", { title: `Load test ${n}.${round}`, clientId: "", teamId: "", visibility: "private" });
            location = r.headers.get("x-action-redirect") ?? r.headers.get("location");
            return r;
          });
          return location as string | null;
        })();
        const created = response?.match(/\/sessions\/([0-9a-f-]{36})/)?.[1];
        if (created) mySession = created;
      }
      if (mySession) {
        const id = mySession;
        await timed("save notes", () => browser.action(updateId, `/sessions/${id}`, { sessionId: id, notes: `Round ${round}: patient reports less pain.` }));
      }
    }
  }
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ids = actionIds();
const browsers = Array.from({ length: userCount }, (_, i) => new Browser(accounts[i % accounts.length]!));
console.log(`Signing in ${browsers.length} users at ${base} …`);
for (const b of browsers) await b.signIn();
console.log(`Running for ${seconds} s, ${thinkMs ? `about ${thinkMs} ms between a user's requests` : "requests back to back"} …`);
const until = Date.now() + seconds * 1000;
await Promise.all(browsers.map((b, i) => user(b, ids, until, i)));

let pass = true;
console.log(`\n${"page".padEnd(22)}${"requests".padStart(9)}${"failed".padStart(8)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"max ms".padStart(9)}`);
for (const [page, values] of [...samples].sort(([a], [b]) => a.localeCompare(b))) {
  const sorted = [...values].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const failed = failures.get(page) ?? 0;
  if (p95 > targetMs || failed > 0) pass = false;
  console.log(
    `${page.padEnd(22)}${String(sorted.length).padStart(9)}${String(failed).padStart(8)}${percentile(sorted, 50).toFixed(0).padStart(9)}${p95.toFixed(0).padStart(9)}${sorted.at(-1)!.toFixed(0).padStart(9)}`,
  );
}
for (const [page, failed] of failures) if (!samples.has(page)) { pass = false; console.log(`${page.padEnd(22)}${"0".padStart(9)}${String(failed).padStart(8)}`); }
console.log(`\n${pass ? "PASS" : "MISS"}: page p95 ${pass ? "≤" : "above"} ${targetMs} ms with ${userCount} users (or requests failed)`);
process.exitCode = pass ? 0 : 1;
