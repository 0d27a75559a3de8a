import "server-only";
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { clientAccess, clientLinks, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { liveGrant } from "@/lib/access/access-end";
import { visibleClientRowsFilter } from "@/lib/access/client-visibility";

export const CLIENT_PAGE_SIZE = 20;

export interface ClientListItem {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  email: string | null;
  practitioners: string[];
  /** The label staff gave this profile ("Psychology"), shown when a person has several. */
  profileLabel: string | null;
  /**
   * Set on a separate profile of a person whose other profile is listed just above it on this
   * page (the list shows one person's profiles together): that profile's id.
   */
  profileOf: string | null;
}

/** A position in the list, which is sorted by (last name, first name, id). */
export interface ClientCursor {
  lastName: string;
  firstName: string;
  id: string;
}

/** A LIKE pattern for "contains q", with LIKE's own characters escaped. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "1988-04-12" for a day that exists (not 31 April, nor 29 February 2025), else null. */
function calendarDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  const real = year >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return real ? `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}` : null;
}

/** A month by name ("apr", "April"), 1–12; 0 when it is none. */
const monthNamed = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * A date of birth typed as 1988-04-12, 12/04/1988, 12 Apr 1988 (as the list shows it), 1988-04,
 * Apr 1988 or 1988, as a range of dates (served by clients_org_dob_idx); null when the search is
 * not a date — a day that does not exist included, so it searches as text and finds nothing.
 */
function dateRange(q: string): { from: string; to: string } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  const shown = /^(\d{1,2}) ([a-z]{3,9}) (\d{4})$/i.exec(q);
  const ymd = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : uk
      ? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
      : shown && monthNamed(shown[2]!)
        ? [Number(shown[3]), monthNamed(shown[2]!), Number(shown[1])]
        : null;
  if (ymd) {
    const day = calendarDay(ymd[0]!, ymd[1]!, ymd[2]!);
    return day ? { from: day, to: day } : null;
  }
  const isoMonth = /^(\d{4})-(\d{1,2})$/.exec(q);
  const shownMonth = /^([a-z]{3,9}) (\d{4})$/i.exec(q);
  const ym = isoMonth ? [Number(isoMonth[1]), Number(isoMonth[2])] : shownMonth && monthNamed(shownMonth[1]!) ? [Number(shownMonth[2]), monthNamed(shownMonth[1]!)] : null;
  if (ym && ym[1]! >= 1 && ym[1]! <= 12 && ym[0]! >= 1) {
    const last = new Date(Date.UTC(ym[0]!, ym[1]!, 0)).getUTCDate();
    return { from: calendarDay(ym[0]!, ym[1]!, 1)!, to: calendarDay(ym[0]!, ym[1]!, last)! };
  }
  const year = /^(\d{4})$/.exec(q);
  if (year && Number(year[1]) >= 1) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  return null;
}

/**
 * A search matches a name (either order), an email, or a date of birth. Name and email use the
 * trigram indexes of the custom migration (their expressions must stay exactly as written there).
 */
function searchCondition(q: string): SQL {
  if (!q) return sql`true`;
  const range = dateRange(q);
  if (range) return sql`c.date_of_birth between ${range.from}::date and ${range.to}::date`;
  const p = containsPattern(q);
  return sql`((c.first_name || ' ' || c.last_name) ilike ${p} or (c.last_name || ' ' || c.first_name) ilike ${p} or c.email ilike ${p})`;
}

/** The page query: keyset on (last_name, first_name, id), one row more than a page to know if another follows. */
function clientPageSql(actor: StaffActor, input: { q?: string; after?: ClientCursor | null; before?: ClientCursor | null }): SQL {
  const edge = input.before ?? input.after;
  const backwards = Boolean(input.before);
  const dir = backwards ? sql`desc` : sql`asc`;
  const q = input.q ?? "";
  const keyset = edge ? sql`and (c.last_name, c.first_name, c.id) ${backwards ? sql`<` : sql`>`} (${edge.lastName}, ${edge.firstName}, ${edge.id}::uuid)` : sql``;
  const page = sql`order by c.last_name ${dir}, c.first_name ${dir}, c.id ${dir} limit ${CLIENT_PAGE_SIZE + 1}`;
  const columns = sql`c.id, c.first_name, c.last_name, c.date_of_birth::text as date_of_birth, c.email, c.profile_label`;
  // A chart held through a live emergency grant is listed while the grant lasts.
  const visible = visibleClientRowsFilter(actor, sql`c`, { emergencyAt: new Date() });
  // A text search of 3 characters or more is answered by the trigram indexes first, then sorted:
  // left to itself, the planner walks the name index in order hoping for an early match, and for a
  // surname late in the alphabet reads most of the organisation's charts (measured: 107 ms at 20k).
  // Shorter text cannot use a trigram and matches early anyway; dates use the date index.
  if (q.length >= 3 && !dateRange(q)) {
    return sql`
      with matches as materialized (select c.* from clients c where ${visible} and ${searchCondition(q)})
      select ${columns} from matches c where true ${keyset} ${page}`;
  }
  return sql`
    select ${columns}
    from clients c
    where ${visible} and ${searchCondition(q)} ${keyset}
    ${page}`;
}

export function encodeClientCursor(c: ClientCursor): string {
  return Buffer.from(JSON.stringify([c.lastName, c.firstName, c.id]), "utf8").toString("base64url");
}

export function decodeClientCursor(token: string | undefined | null): ClientCursor | null {
  if (!token || token.length > 800) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === "string")) return null;
    const [lastName, firstName, id] = v as [string, string, string];
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? { lastName, firstName, id } : null;
  } catch {
    return null;
  }
}

/**
 * The charts the actor may see (admins and "all"-scope roles: every chart), by name, paged by
 * cursor (`after` / `before` tokens from nextCursor / prevCursor): no total is counted.
 */
export async function listClients(actor: StaffActor, input: { q?: string; after?: string; before?: string }) {
  const before = decodeClientCursor(input.before);
  const after = before ? null : decodeClientCursor(input.after);
  const db = await getDb();
  const fetched = await selectRows<{ id: string; first_name: string; last_name: string; date_of_birth: string | null; email: string | null; profile_label: string | null }>(
    db,
    clientPageSql(actor, { q: input.q, after, before }),
  );
  const more = fetched.length > CLIENT_PAGE_SIZE;
  const rows = fetched.slice(0, CLIENT_PAGE_SIZE);
  if (before) rows.reverse();
  const ids = rows.map((r) => r.id);
  const access = ids.length
    ? await db
        .select({ clientId: clientAccess.clientId, name: users.name })
        .from(clientAccess)
        .innerJoin(users, eq(users.id, clientAccess.userId))
        .where(and(inArray(clientAccess.clientId, ids), liveGrant(clientAccess.expiresAt)))
        .orderBy(asc(users.name))
    : [];
  // Separate profiles of one person ("Self" links, made by "Create a separate profile"), among the charts on this page.
  const selfLinks = ids.length
    ? await db
        .select({ clientId: clientLinks.clientId, linkedClientId: clientLinks.linkedClientId })
        .from(clientLinks)
        .where(and(eq(clientLinks.relationship, "self"), or(inArray(clientLinks.clientId, ids), inArray(clientLinks.linkedClientId, ids))))
    : [];
  const items: ClientListItem[] = groupProfiles(
    rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      dateOfBirth: r.date_of_birth,
      email: r.email,
      practitioners: access.filter((a) => a.clientId === r.id).map((a) => a.name),
      profileLabel: r.profile_label,
      profileOf: null,
    })),
    selfLinks,
  );
  const cursorOf = (r: (typeof rows)[number] | undefined) => (r ? encodeClientCursor({ lastName: r.last_name, firstName: r.first_name, id: r.id }) : null);
  return {
    items,
    pageSize: CLIENT_PAGE_SIZE,
    nextCursor: before || more ? cursorOf(rows.at(-1)) : null,
    prevCursor: (before ? more : Boolean(after)) ? cursorOf(rows[0]) : null,
  };
}

/**
 * Puts each person's profiles together on the page, where the first of them is listed: the
 * original profile first, then its separate profiles (those with a "Self" link to another of the
 * group), each saying whose it is. Charts the actor may not see are never on the page, so a hidden
 * profile is never hinted at.
 */
export function groupProfiles(items: ClientListItem[], links: { clientId: string; linkedClientId: string | null }[]): ClientListItem[] {
  const onPage = new Set(items.map((c) => c.id));
  const pageLinks = links.filter((l): l is { clientId: string; linkedClientId: string } => Boolean(l.linkedClientId && onPage.has(l.clientId) && onPage.has(l.linkedClientId)));
  // Union-find over the page's charts: one group per person.
  const parent = new Map(items.map((c) => [c.id, c.id]));
  const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
  for (const l of pageLinks) parent.set(find(l.clientId), find(l.linkedClientId));
  const groups = new Map<string, ClientListItem[]>();
  for (const c of items) groups.set(find(c.id), [...(groups.get(find(c.id)) ?? []), c]);
  const separate = new Set(pageLinks.map((l) => l.clientId));
  return [...groups.values()].flatMap((group) => {
    if (group.length === 1) return group;
    const lead = group.find((c) => !separate.has(c.id)) ?? group[0]!;
    return [lead, ...group.filter((c) => c !== lead).map((c) => ({ ...c, profileOf: lead.id }))];
  });
}

/** The list's SQL for a search, first and later pages (for EXPLAIN in the tests and the benchmark). */
export function clientListQueries(actor: StaffActor, input: { q?: string }): { name: string; query: SQL }[] {
  const cursor = { lastName: "M", firstName: "A", id: "00000000-0000-4000-8000-000000000000" };
  return [
    { name: "first page", query: clientPageSql(actor, { q: input.q }) },
    { name: "next page", query: clientPageSql(actor, { q: input.q, after: cursor }) },
    { name: "previous page", query: clientPageSql(actor, { q: input.q, before: cursor }) },
  ];
}
