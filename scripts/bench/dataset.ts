// The benchmark's dataset, written with generate_series in a handful of statements (no row-by-row inserts).
// At scale 1: 1,000,000 sessions, 500,000 shares, 200,000 clients, 1,000,000 documents, one large
// organisation of 2,000 members in 50 teams plus 500 small ones of 4 members, skewed so that one person
// owns ~9,000 sessions, one team holds ~15,000 team-visible sessions and one person receives ~8,000 shares;
// 125,000 of the documents shared with external contacts.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { selectRows } from "../../db/client";
import { BUILT_IN_ROLES } from "../../lib/access/permissions";

export const LARGE_MEMBERS = 2000;
export const TEAMS = 50;
export const SMALL_ORGS = 500;
export const SMALL_MEMBERS = 4;
export const BENCH_ORG_NAME = "Bench: Large clinic group";

/** Deterministic ids from numbers, so every statement can point at rows of another without a join. */
export const KIND = { user: "8000", team: "9000", client: "a000", session: "b000", document: "bd00", org: "9a00", role: "9b00", contact: "9c00" } as const;
export function idSql(kind: keyof typeof KIND, n: SQL | string): SQL {
  const expr = typeof n === "string" ? sql.raw(n) : n;
  return sql`('00000000-0000-4000-${sql.raw(KIND[kind])}-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
}
export function idOf(kind: keyof typeof KIND, n: number): string {
  return `00000000-0000-4000-${KIND[kind]}-${n.toString(16).padStart(12, "0")}`;
}

/** A pseudo-random number in [0, 1) from (row number, salt): the same on every load. */
function r(n: string, salt: number): string {
  return `((hashint8((${n})::bigint * 31 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;
}

/** The people the benchmark acts as (user numbers). */
export const PEOPLE = {
  admin: 2, // Admin of the large organisation ("all" client scope)
  heavyOwner: 1, // owns ~0.9% of all sessions
  heavyRecipient: 3, // receives ~0.8% of all shares
  teamMember: 4, // member of team 1 (the largest) and team 8
  clinician: 5, // a clinician with assigned charts
} as const;

export interface Sizes {
  sessions: number;
  shares: number;
  clients: number;
  documents: number;
}

export function sizesFor(scale: number): Sizes {
  return { sessions: Math.round(1_000_000 * scale), shares: Math.round(500_000 * scale), clients: Math.round(200_000 * scale), documents: Math.round(1_000_000 * scale) };
}

const LARGE = `n % 10 < 6`; // a row number belongs to the large organisation when its last digit is 0-5

export async function loadedScale(db: Database): Promise<number | null> {
  const rows = await selectRows<{ address: string }>(db, sql`select address from organisations where id = ${idOf("org", 1)}`);
  if (rows.length === 0) return null;
  return Number(rows[0]!.address.replace(/^bench scale /, ""));
}

export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from organisations`);
  return row!.n === 0;
}

/** Removes the benchmark's own rows (all of them: this only runs on a database that holds nothing else). */
export async function truncateAll(db: Database): Promise<void> {
  const tables = await selectRows<{ t: string }>(db, sql`select tablename as t from pg_tables where schemaname = 'public'`);
  await db.execute(sql.raw(`truncate ${tables.map((t) => `"${t.t}"`).join(", ")} cascade`));
}

export async function loadDataset(db: Database, scale: number, log: (s: string) => void, override: Partial<Sizes> = {}): Promise<void> {
  const size = { ...sizesFor(scale), ...override };
  const step = async (label: string, q: SQL) => {
    const t = performance.now();
    await db.execute(q);
    log(`  ${label} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  };
  const users = LARGE_MEMBERS + SMALL_ORGS * SMALL_MEMBERS;
  // organisation 1 is the large one; 2..501 the small ones. Small org o's members are users
  // LARGE_MEMBERS + (o-2)*4 + 1..4. Roles: 3 per organisation, role number (o-1)*3 + 1..3.
  const roleKeys = Object.keys(BUILT_IN_ROLES) as (keyof typeof BUILT_IN_ROLES)[];
  await step(
    "organisations, roles, users, memberships, teams",
    sql`
    with o as (insert into organisations (id, name, address)
      select ${idSql("org", "o")}, case when o = 1 then ${BENCH_ORG_NAME} else 'Bench: small clinic ' || o end,
        case when o = 1 then ${`bench scale ${scale}`} else '' end
      from generate_series(1, ${SMALL_ORGS + 1}) o returning 1),
    r as (insert into roles (id, organisation_id, name, built_in, contacts, letters, patients, labs, invoices, sessions, settings, client_scope)
      select ${idSql("role", "(o - 1) * 3 + k")}, ${idSql("org", "o")}, (array[${sql.join(
        roleKeys.map((k) => sql`${BUILT_IN_ROLES[k].name}`),
        sql`, `,
      )}])[k], (array[${sql.join(
        roleKeys.map((k) => sql`${k}`),
        sql`, `,
      )}])[k],
      ${sql.join(
        (["contacts", "letters", "patients", "labs", "invoices", "sessions", "settings"] as const).map(
          (area) =>
            sql`(array[${sql.join(
              roleKeys.map((k) => sql`${BUILT_IN_ROLES[k].permissions[area]}`),
              sql`, `,
            )}])[k]::permission_level`,
        ),
        sql`, `,
      )},
      (array[${sql.join(
        roleKeys.map((k) => sql`${BUILT_IN_ROLES[k].permissions.clientScope}`),
        sql`, `,
      )}])[k]::client_scope
      from generate_series(1, ${SMALL_ORGS + 1}) o, generate_series(1, 3) k returning 1),
    u as (insert into users (id, email, name)
      select ${idSql("user", "u")}, 'person' || u || '@bench.test', 'Person ' || u from generate_series(1, ${users}) u returning 1)
    select (select count(*) from o), (select count(*) from r), (select count(*) from u)`,
  );
  await db.execute(sql`
    insert into memberships (organisation_id, user_id, role_id)
    select case when u <= ${LARGE_MEMBERS} then ${idSql("org", "1")} else ${idSql("org", `2 + (u - ${LARGE_MEMBERS} - 1) / ${SMALL_MEMBERS}`)} end,
      ${idSql("user", "u")},
      -- role 1 admin, 2 clinician, 3 medical secretary; in the large organisation 1 admin in 100 and 1 secretary in 20
      case when u <= ${LARGE_MEMBERS} then ${idSql("role", "case when u = 2 or u % 100 = 0 then 1 when u % 20 = 7 then 3 else 2 end")}
        else ${idSql("role", `(1 + (u - ${LARGE_MEMBERS} - 1) / ${SMALL_MEMBERS}) * 3 + case when (u - ${LARGE_MEMBERS}) % ${SMALL_MEMBERS} = 1 then 1 else 2 end`)} end
    from generate_series(1, ${users}) u`);
  await db.execute(sql`
    insert into teams (id, organisation_id, name)
    select ${idSql("team", "t")}, ${idSql("org", "1")}, 'Team ' || t from generate_series(1, ${TEAMS}) t`);
  // Every large-organisation member is in two teams: 1 + u % 50 and 1 + (u * 7) % 50.
  await db.execute(sql`
    insert into team_members (team_id, user_id)
    select distinct ${idSql("team", "t")}, ${idSql("user", "u")}
    from generate_series(1, ${LARGE_MEMBERS}) u, lateral (values (1 + u % ${TEAMS}), (1 + (u * 7) % ${TEAMS})) v(t)
    on conflict do nothing`);
  // The team member of the benchmark sits in team 1, the one the skew fills most.
  await db.execute(sql`insert into team_members (team_id, user_id) values (${idOf("team", 1)}, ${idOf("user", PEOPLE.teamMember)}) on conflict do nothing`);

  const firstNames = ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theodore", "Jack", "Charlie"];
  const lastNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan"];
  const pick = (arr: string[], expr: string) => sql`(array[${sql.join(arr.map((s) => sql`${s}`), sql`, `)}])[1 + (${sql.raw(expr)})]`;
  // Client n: large organisation when n % 10 < 6, else small organisation 2 + (n / 10) % 500.
  await step(
    `${size.clients.toLocaleString("en")} clients`,
    sql`
    insert into clients (id, organisation_id, first_name, last_name, date_of_birth, email)
    select ${idSql("client", "n")},
      case when ${sql.raw(LARGE)} then ${idSql("org", "1")} else ${idSql("org", `2 + (n / 10) % ${SMALL_ORGS}`)} end,
      ${pick(firstNames, `n % ${firstNames.length}`)},
      ${pick(lastNames, `(n / 7) % ${lastNames.length}`)} || case when n % 3 = 0 then '-' || ${pick(lastNames, `(n / 3) % ${lastNames.length}`)} else '' end,
      date '1930-01-01' + (${sql.raw(r("n", 1))} * 32000)::int,
      'client' || n || '@mail.test'
    from generate_series(1, ${size.clients}) n`,
  );
  // Practitioners on the large organisation's charts: two each.
  await step(
    "client access lists",
    sql`
    insert into client_access (client_id, user_id)
    select distinct ${idSql("client", "n")}, ${idSql("user", "p")}
    from generate_series(1, ${size.clients}) n,
      lateral (values (1 + (${sql.raw(r("n", 2))} * ${LARGE_MEMBERS})::int % ${LARGE_MEMBERS}), (case when n % 4 = 0 then ${PEOPLE.clinician} else 1 + (${sql.raw(r("n", 3))} * ${LARGE_MEMBERS})::int % ${LARGE_MEMBERS} end)) v(p)
    where ${sql.raw(LARGE)}`,
  );

  // Session n: owner and team skewed by a power law; one in 67 of the large organisation's is the heavy owner's.
  // A large-organisation client for row n: 10k + (0..5), k ≥ 1, always below size.clients.
  const largeClient = (salt: number) => `10 + 10 * floor(${r("n", salt)} * ${Math.max(1, Math.floor(size.clients / 10) - 2)})::int + n % 6`;
  await step(
    `${size.sessions.toLocaleString("en")} sessions`,
    sql`
    insert into clinical_sessions (id, organisation_id, owner_id, team_id, visibility, title, status, client_id, notes, created_at, updated_at, deleted_at)
    select ${idSql("session", "n")},
      case when ${sql.raw(LARGE)} then ${idSql("org", "1")} else ${idSql("org", `2 + (n / 10) % ${SMALL_ORGS}`)} end,
      ${idSql("user", sessionOwnerExpr())},
      case when ${sql.raw(LARGE)} and ${sql.raw(r("n", 5))} < 0.34 then ${idSql("team", `1 + floor(${TEAMS} * pow(${r("n", 6)}, 1.5))::int`)} end,
      (case when ${sql.raw(LARGE)} and ${sql.raw(r("n", 5))} < 0.34 then 'team' else 'private' end)::session_visibility,
      (array['Initial assessment', 'Follow-up', 'Review', 'Discharge planning', 'Case conference', 'Telehealth check-in', 'Home visit', 'Group therapy'])[1 + n % 8] || ' ' || n,
      (array['draft','in_progress','ready_for_review','completed'])[1 + n % 4]::session_status,
      case when ${sql.raw(LARGE)} and n % 5 <> 0 then ${idSql("client", largeClient(7))} end,
      'Notes of session ' || n,
      timestamptz '2020-01-01' + make_interval(mins => n * 2),
      timestamptz '2020-01-01' + make_interval(mins => n * 2),
      case when n % 97 = 0 then timestamptz '2026-01-01' end
    from generate_series(1, ${size.sessions}) n`,
  );
  // Shares: sessions of the large organisation with n % 6 < 5 (half of all), one in 100 to the heavy recipient.
  await step(
    `${size.shares.toLocaleString("en")} shares and their notifications`,
    sql`
    with sh as (
      insert into session_shares (session_id, user_id, access, granted_by_id, created_at)
      select ${idSql("session", "n")}, ${idSql("user", "recipient")},
        (array['view','edit','full'])[1 + n % 3]::share_access, ${idSql("user", "owner")},
        timestamptz '2020-01-01' + make_interval(mins => n * 2 + 1)
      from (select n, ${sql.raw(sessionOwnerExpr())} as owner from generate_series(1, ${Math.min(size.sessions, Math.round(size.shares * 2))}) n
            where ${sql.raw(LARGE)} and n % 6 < 5) s,
        lateral (select case when n % 100 = 1 and s.owner <> ${PEOPLE.heavyRecipient} then ${PEOPLE.heavyRecipient}
          else 1 + (s.owner + (${sql.raw(r("n", 8))} * ${LARGE_MEMBERS - 1})::int) % ${LARGE_MEMBERS} end as recipient) x
      where x.recipient <> s.owner
      returning user_id, session_id, created_at)
    insert into notifications (user_id, organisation_id, kind, text, link, created_at, read_at)
    select user_id, ${idSql("org", "1")}, 'session_shared', 'A session was shared with you', '/sessions/' || session_id, created_at,
      case when hashtext(session_id::text) % 10 <> 0 then created_at + interval '1 hour' end
    from sh`,
  );
  // Documents: one in five on a session, the rest on a chart only.
  await step(
    `${size.documents.toLocaleString("en")} documents`,
    sql`
    insert into documents (id, organisation_id, client_id, session_id, kind, title, content, author_id, created_at, updated_at)
    select ${idSql("document", "n")},
      case when c % 10 < 6 then ${idSql("org", "1")} else ${idSql("org", `2 + (c / 10) % ${SMALL_ORGS}`)} end,
      ${idSql("client", "c")},
      null,
      (array['letter','prescription','document','lab_result','invoice'])[1 + n % 5]::document_kind,
      'Document ' || n,
      jsonb_build_object('recipient', 'Dr Test', 'subject', 'Summary ' || n, 'body', 'Dear Dr Test, summary of the consultation ' || n || '.'),
      ${idSql("user", `1 + (${r("n", 10)} * ${LARGE_MEMBERS})::int % ${LARGE_MEMBERS}`)},
      timestamptz '2020-01-01' + make_interval(mins => n),
      timestamptz '2020-01-01' + make_interval(mins => n)
    from (select n, ${sql.raw(`case when ${LARGE} then ${largeClient(9)} else least(${size.clients}, 10 * floor(${r("n", 11)} * ${Math.floor(size.clients / 10)})::int + 6 + n % 4) end`)} as c
          from generate_series(1, ${size.documents}) n) d`,
  );
  // External shares: about one document in eight (picked by hash, so every chart has its share of
  // them) sent to one of its organisation's ten contacts an hour after it was written; two in three
  // opened, one in three downloaded, one in 40 revoked, one in 200 locked ("Shared externally").
  await step(
    `${((SMALL_ORGS + 1) * 10).toLocaleString("en")} contacts and ~${Math.round(size.documents / 8).toLocaleString("en")} external shares`,
    sql`
    with c as (insert into contacts (id, organisation_id, name, organisation_name, email)
      select ${idSql("contact", "(o - 1) * 10 + k")}, ${idSql("org", "o")}, 'Dr Contact ' || ((o - 1) * 10 + k), 'Surgery ' || k, 'contact' || ((o - 1) * 10 + k) || '@bench.test'
      from generate_series(1, ${SMALL_ORGS + 1}) o, generate_series(1, 10) k)
    insert into document_shares (document_id, organisation_id, contact_id, shared_by_id, token_hash, security_level, purpose, sent_at, created_at, first_opened_at, downloaded_at, revoked_at, locked_at)
    select d.id, d.organisation_id, ${idSql("contact", "(d.o - 1) * 10 + 1 + d.n % 10")}, d.author_id, 'bench-share-' || d.n, 'link', 'continuing_care',
      d.created_at + interval '1 hour', d.created_at + interval '1 hour',
      case when d.n % 3 <> 0 then d.created_at + interval '2 hours' end,
      case when d.n % 3 = 1 then d.created_at + interval '3 hours' end,
      case when ${sql.raw(r("d.n", 12))} < 0.025 then d.created_at + interval '4 hours' end,
      case when ${sql.raw(r("d.n", 13))} < 0.005 then d.created_at + interval '5 hours' end
    from (select id, organisation_id, author_id, created_at, ('x' || right(id::text, 12))::bit(48)::bigint as n,
            ('x' || right(organisation_id::text, 12))::bit(48)::bigint as o from documents) d
    where ${sql.raw(r("d.n", 14))} < 0.125`,
  );
  // VACUUM as well as ANALYZE: it also moves the rows just written out of the GIN indexes' pending lists,
  // which a search would otherwise read in full.
  await step("vacuum analyze", sql`vacuum analyze`);
}

/** The owner (a user number) of session n, also used by the shares to know who granted them. */
function sessionOwnerExpr(): string {
  const large = `case when n % 67 = 0 then ${PEOPLE.heavyOwner} else 1 + floor(${LARGE_MEMBERS} * pow(${r("n", 4)}, 1.6))::int % ${LARGE_MEMBERS} end`;
  const small = `${LARGE_MEMBERS} + ((n / 10) % ${SMALL_ORGS}) * ${SMALL_MEMBERS} + 1 + n % ${SMALL_MEMBERS}`;
  return `(case when ${LARGE} then ${large} else ${small} end)`;
}
