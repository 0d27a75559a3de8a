// R3 and R4: measured against a running production server (next build && next start on the same
// DATABASE_URL and AUTH_SECRET), given with --url. Without --url they are reported as SKIP.
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import type { Database } from "../../db/client";
import type { StaffActor } from "../../lib/access/actor";
import { ratio, type ResultRow } from "./measure";

const CONCURRENCY = 16;
const DURATION_S = 10;

async function throughput(url: string, headers: Record<string, string>): Promise<{ rps: number; errors: number; non2xx: number }> {
  const result = await autocannon({ url, connections: CONCURRENCY, duration: DURATION_S, headers });
  return { rps: result.requests.average, errors: result.errors, non2xx: result.non2xx };
}

/** The Auth.js session cookie for a bench person, signed with the server's AUTH_SECRET. */
async function sessionCookie(actor: StaffActor, secure: boolean): Promise<string> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET must be set to the server's value to sign in the bench person");
  const name = secure ? "__Secure-authjs.session-token" : "authjs.session-token";
  const token = await encode({ token: { sub: actor.userId, oid: actor.organisationId }, secret, salt: name, maxAge: 60 * 60 });
  return `${name}=${token}`;
}

export async function measureHttp(
  url: string | undefined,
  ctx: { db: Database; teamMember: StaffActor; sessionIds: string[]; log: (s: string) => void },
): Promise<ResultRow[]> {
  if (!url) {
    return [
      { measure: "R3 session page throughput vs static file, c=16", measured: "—", goal: "≥ 0.3×", pass: null, detail: "needs --url of a production server (next build && next start)" },
      { measure: "R4 portal PDF download vs same-size static file, p50", measured: "—", goal: "≤ 5×", pass: null, detail: "not measured by this version of the benchmark" },
    ];
  }
  const base = url.replace(/\/$/, "");
  const cookie = await sessionCookie(ctx.teamMember, base.startsWith("https:"));
  const pageUrl = `${base}/sessions/${ctx.sessionIds[0]}`;
  const probe = await fetch(pageUrl, { headers: { cookie }, redirect: "manual" });
  const html = await probe.text();
  if (probe.status !== 200) throw new Error(`the session page answered ${probe.status}: is the server on the same database and AUTH_SECRET?`);
  // The static file: the first script chunk the page itself references, served by the same server.
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  if (!asset) throw new Error("no static asset found in the session page");
  ctx.log(`R3: ${CONCURRENCY} connections, ${DURATION_S} s each: ${pageUrl} vs ${asset}…`);
  const page = await throughput(pageUrl, { cookie });
  const file = await throughput(`${base}${asset}`, {});
  const r = page.rps / file.rps;
  return [
    {
      measure: "R3 session page throughput vs static file, c=16",
      measured: ratio(r),
      goal: "≥ 0.3×",
      pass: r >= 0.3 && page.errors === 0 && page.non2xx === 0,
      detail: `${page.rps.toFixed(0)} vs ${file.rps.toFixed(0)} requests/s (errors ${page.errors}, non-2xx ${page.non2xx})`,
    },
    { measure: "R4 portal PDF download vs same-size static file, p50", measured: "—", goal: "≤ 5×", pass: null, detail: "not measured by this version of the benchmark" },
  ];
}
