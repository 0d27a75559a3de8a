// R3 and R4: measured against a running production server (next build && next start on the same
// DATABASE_URL and AUTH_SECRET), given with --url. Without --url they are reported as SKIP.
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { selectRows, type Database } from "../../db/client";
import type { StaffActor } from "../../lib/access/actor";
import { startAuthSession } from "../../lib/auth/auth-sessions/start-auth-session";
import { makeShareCookie, shareCookieName } from "../../lib/portal/share-cookie";
import { percentile, ratio, ms, type ResultRow } from "./measure";

const CONCURRENCY = 16;
// R3 alternates the two pages in rounds, so a moment of background load weighs on both alike.
const ROUNDS = 3;
const ROUND_S = 5;
const WARM_UP_S = 3;
const DURATION_S = 10;
// The portal allows 60 page loads a minute per address (lib/rate-limit/catalogue.ts): stay under it.
const DOWNLOADS = 50;

const R3 = "R3 session page throughput vs the static sign-in page, c=16";
const R4 = "R4 portal PDF download vs same-size static file, p50";

interface Throughput {
  rps: number;
  errors: number;
  non2xx: number;
  /** Each round's requests/s, when averaged over rounds. */
  rounds?: number[];
}

async function throughput(url: string, headers: Record<string, string>, seconds = DURATION_S): Promise<Throughput> {
  const result = await autocannon({ url, connections: CONCURRENCY, duration: seconds, headers });
  return { rps: result.requests.average, errors: result.errors, non2xx: result.non2xx };
}

/** Both pages' throughput, measured in alternating rounds (requests/s averaged over the rounds). */
async function alternating(a: { url: string; headers: Record<string, string> }, b: { url: string; headers: Record<string, string> }): Promise<[Throughput, Throughput]> {
  const mean = (all: Throughput[]): Throughput => ({
    rps: all.reduce((n, t) => n + t.rps, 0) / all.length,
    errors: all.reduce((n, t) => n + t.errors, 0),
    non2xx: all.reduce((n, t) => n + t.non2xx, 0),
    rounds: all.map((t) => t.rps),
  });
  const as: Throughput[] = [];
  const bs: Throughput[] = [];
  // Unmeasured first: a server just started loads and compiles each route's code on its first requests.
  await throughput(a.url, a.headers, WARM_UP_S);
  await throughput(b.url, b.headers, WARM_UP_S);
  for (let i = 0; i < ROUNDS; i++) {
    as.push(await throughput(a.url, a.headers, ROUND_S));
    bs.push(await throughput(b.url, b.headers, ROUND_S));
  }
  return [mean(as), mean(bs)];
}

/** A bench person signed in as the app signs people in: an auth-session row, named by the JWT. */
async function staffCookie(actor: StaffActor, secure: boolean): Promise<string> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET must be set to the server's value to sign in the bench person");
  const asid = await startAuthSession({ userId: actor.userId, organisationId: actor.organisationId, client: { ip: "127.0.0.1", userAgent: "carebridge-bench" } });
  const name = secure ? "__Secure-authjs.session-token" : "authjs.session-token";
  const token = await encode({ token: { sub: actor.userId, asid }, secret, salt: name, maxAge: 60 * 60 });
  return `${name}=${token}`;
}

/** p50 of `n` sequential GETs, each read to the end; checks every answer is 200. */
async function latency(url: string, headers: Record<string, string>, n: number): Promise<{ p50: number; bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    const took = performance.now() - t;
    // The portal's per-address limit (a bench run a moment ago used it up): wait it out, untimed.
    const retryAfter = Number(res.headers.get("retry-after"));
    if (res.status === 429 && retryAfter > 0 && retryAfter <= 120) {
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      i--;
      continue;
    }
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    samples.push(took);
    bytes = body.byteLength;
  }
  return { p50: percentile(samples.sort((a, b) => a - b), 50), bytes };
}

/** A letter of the large organisation shared with a bench contact, opened, and the portal cookie for it. */
async function openedShare(db: Database, admin: StaffActor): Promise<{ shareId: string; cookie: string }> {
  await db.execute(sql`update organisations set sharing_enabled = true, security_level = 'link' where id = ${admin.organisationId}`);
  const [doc] = await selectRows<{ id: string }>(db, sql`select id from documents where organisation_id = ${admin.organisationId} and kind = 'letter' order by id limit 1`);
  const [contact] = await selectRows<{ id: string }>(
    db,
    sql`insert into contacts (organisation_id, name, organisation_name, email) values (${admin.organisationId}, 'Dr Bench Contact', 'Bench Surgery', 'bench.contact@example.test') returning id`,
  );
  if (!doc || !contact) throw new Error("no letter to share in the bench organisation");
  // Written directly, as opened: the share's email is not the point here (and rendering it needs React's
  // client build, which this process, run with the server conditions, does not load).
  const [share] = await selectRows<{ id: string; link_version: number }>(
    db,
    sql`insert into document_shares (document_id, organisation_id, contact_id, shared_by_id, token_hash, security_level, purpose, sent_at, first_opened_at)
      values (${doc.id}, ${admin.organisationId}, ${contact.id}, ${admin.userId}, ${`bench-${crypto.randomUUID()}`}, 'link', 'continuing_care', now(), now()) returning id, link_version`,
  );
  return { shareId: share!.id, cookie: `${shareCookieName(share!.id)}=${makeShareCookie(share!.id, share!.link_version, new Date())}` };
}

/** The server's static files the page references, with their sizes, so R4 compares like with like. */
async function staticAssets(base: string, html: string): Promise<{ path: string; bytes: number }[]> {
  const paths = [...new Set(html.match(/\/_next\/static\/[^"'\s\\]+\.(?:js|css)/g) ?? [])];
  const out: { path: string; bytes: number }[] = [];
  for (const path of paths) {
    const res = await fetch(`${base}${path}`);
    if (res.ok) out.push({ path, bytes: (await res.arrayBuffer()).byteLength });
  }
  return out;
}

export async function measureHttp(
  url: string | undefined,
  ctx: { db: Database; teamMember: StaffActor; admin: StaffActor; sessionIds: string[]; log: (s: string) => void },
): Promise<ResultRow[]> {
  if (!url) {
    const detail = "needs --url of a production server (next build && next start) on the same database and AUTH_SECRET";
    return [
      { measure: R3, measured: "—", goal: "≥ 0.3×", pass: null, detail },
      { measure: R4, measured: "—", goal: "≤ 5×", pass: null, detail },
    ];
  }
  const base = url.replace(/\/$/, "");
  const cookie = await staffCookie(ctx.teamMember, base.startsWith("https:"));
  const pageUrl = `${base}/sessions/${ctx.sessionIds[0]}`;
  const probe = await fetch(pageUrl, { headers: { cookie }, redirect: "manual" });
  const html = await probe.text();
  if (probe.status !== 200) throw new Error(`the session page answered ${probe.status}: is the server on the same database and AUTH_SECRET?`);
  const assets = await staticAssets(base, html);
  if (assets.length === 0) throw new Error("no static asset found in the session page");
  const asset = assets[0]!.path;
  // R3's "static page of the same server": the sign-in page — fixed content, no database, no person,
  // rendered per request only because every page of this server carries a per-request CSP nonce
  // (proxy.ts), so there is no prerendered page to compare with. A static file is shown for reference.
  ctx.log(`R3: ${CONCURRENCY} connections, ${WARM_UP_S} s of each unmeasured, then ${ROUNDS} alternating rounds of ${ROUND_S} s: ${pageUrl} vs ${base}/sign-in; then ${asset} for ${DURATION_S} s…`);
  const [page, signIn] = await alternating({ url: pageUrl, headers: { cookie } }, { url: `${base}/sign-in`, headers: {} });
  const file = await throughput(`${base}${asset}`, {});
  const r3 = page.rps / signIn.rps;

  // R4: the PDF is rendered once per document version and kept (lib/documents/rendered-pdf.ts); the
  // first download renders it, the timed ones are what every later contact gets.
  const share = await openedShare(ctx.db, ctx.admin);
  const pdfUrl = `${base}/share/s/${share.shareId}/pdf`;
  const first = await latency(pdfUrl, { cookie: share.cookie }, 1);
  const same = assets.reduce((best, a) => (Math.abs(a.bytes - first.bytes) < Math.abs(best.bytes - first.bytes) ? a : best));
  ctx.log(`R4: ${DOWNLOADS} downloads each, one at a time: the PDF (${first.bytes} bytes) vs ${same.path} (${same.bytes} bytes)…`);
  const pdf = await latency(pdfUrl, { cookie: share.cookie }, DOWNLOADS - 1);
  const stat = await latency(`${base}${same.path}`, {}, DOWNLOADS);
  const r4 = pdf.p50 / stat.p50;
  return [
    {
      measure: R3,
      measured: ratio(r3),
      goal: "≥ 0.3×",
      pass: r3 >= 0.3 && page.errors === 0 && page.non2xx === 0 && signIn.non2xx === 0,
      detail: `${page.rps.toFixed(0)} vs ${signIn.rps.toFixed(0)} requests/s (rounds ${page.rounds!.map((r) => r.toFixed(0)).join("/")} vs ${signIn.rounds!.map((r) => r.toFixed(0)).join("/")}; errors ${page.errors}, non-2xx ${page.non2xx + signIn.non2xx}); a static file: ${file.rps.toFixed(0)}/s (the session page is ${ratio(page.rps / file.rps)} of it)`,
    },
    { measure: R4, measured: ratio(r4), goal: "≤ 5×", pass: r4 <= 5, detail: `${ms(pdf.p50)} vs ${ms(stat.p50)} (${first.bytes} vs ${same.bytes} bytes)` },
  ];
}
