import "server-only";
import { fillPlaceholders, type Query, type SQL } from "drizzle-orm";
import { getDb, renderStatement, selectPlannedOnce, selectStatement } from "@/db/client";
import { rowDate, rowDateOrNull } from "@/db/row-dates";
import type { StaffActor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { levelAllows, sessionAccess, type SessionLevel, type ShareLevel } from "@/lib/access/sessions";
import type { SessionStatus } from "./schemas";
import { decodeListCursor, encodeListCursor, LIST_PLACEHOLDERS, listPlaceholderValues, sessionPageSql, type PageWindow, type SessionListTab } from "./visible-sessions";

export const SESSION_PAGE_SIZE = 20;
const MAX_SESSION_PAGE_SIZE = 100;

export interface SessionListItem {
  id: string;
  title: string;
  status: SessionStatus;
  visibility: "private" | "team";
  clientName: string | null;
  ownerName: string;
  teamName: string | null;
  myLevel: SessionLevel;
  sharedByName: string | null;
  sharedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  title: string;
  status: SessionStatus;
  owner_id: string;
  team_id: string | null;
  visibility: "private" | "team";
  organisation_id: string;
  created_at: Date | string;
  updated_at: Date | string;
  listed_key: string;
  my_share: ShareLevel | null;
  shared_at: Date | string | null;
  client_name: string | null;
  owner_name: string | null;
  granted_by_name: string | null;
  team_name: string | null;
}

export interface SessionListPage {
  items: SessionListItem[];
  pageSize: number;
  /** Cursors for the Next (older) and Previous (newer) links; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * One tab of the Sessions list ("My sessions", "Shared with me", "My teams"), newest first,
 * searchable, paged by cursor (`after` = the next page's token, `before` = the previous page's):
 * every page costs what the first does, and no total is counted.
 */
export async function listSessions(
  actor: StaffActor,
  input: { tab: SessionListTab; q?: string; after?: string; before?: string; pageSize?: number },
): Promise<SessionListPage> {
  // The app shows SESSION_PAGE_SIZE; the benchmark also reads the 50-row page its goal is set for.
  const { pageSize } = input;
  const size = pageSize !== undefined && Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_SESSION_PAGE_SIZE ? pageSize : SESSION_PAGE_SIZE;
  const empty: SessionListPage = { items: [], pageSize: size, nextCursor: null, prevCursor: null };
  // The role ceiling: a role without the Sessions area sees no session at all.
  if (!can(actor, "sessions:view")) return empty;
  const before = decodeListCursor(input.before);
  const after = before ? null : decodeListCursor(input.after);
  const window = { after: after ?? undefined, before: before ?? undefined, limit: size };
  const page = pageStatement(actor, input.tab, input.q, window);
  if (!page) return empty;
  const values = listPlaceholderValues(actor, input.q, { ...window, limit: size + 1 });
  // A page without a search has one right plan for anyone (walk the tab's index in order and stop
  // at the page's end), so it is planned once: planning cost as much as running it. A search is
  // planned per call: whether to read the title's trigram index or walk the tab in order depends
  // on how common the words are.
  const fetched = input.q
    ? await selectStatement<Row>(await getDb(), page.statement, values)
    : await selectPlannedOnce<Row>(page.name, page.statement, values);
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  // A previous page was read oldest first: put it back in list order.
  if (before) rows.reverse();
  const cursorOf = (r: Row | undefined) => (r ? encodeListCursor({ listedAt: r.listed_key, id: r.id }) : null);
  const items = rows
    .map((r): SessionListItem => ({
      id: r.id,
      title: r.title,
      status: r.status,
      visibility: r.visibility,
      clientName: r.client_name,
      // "My sessions" leaves the owner's name to the caller: it is the actor's own.
      ownerName: r.owner_id === actor.userId ? actor.name : r.owner_name!,
      teamName: r.team_name,
      myLevel: sessionAccess(actor, {
        organisationId: r.organisation_id,
        ownerId: r.owner_id,
        teamId: r.team_id,
        visibility: r.visibility,
        deletedAt: null,
        share: r.my_share,
      }),
      sharedByName: r.granted_by_name,
      sharedAt: rowDateOrNull(r.shared_at),
      createdAt: rowDate(r.created_at),
      updatedAt: rowDate(r.updated_at),
    }))
    // Post-condition: the SQL and the policy agree (tested); should they ever not, fail closed.
    .filter((item) => levelAllows(item.myLevel, "session:view"));
  return {
    items,
    pageSize: size,
    nextCursor: before || more ? cursorOf(rows.at(-1)) : null,
    prevCursor: (before ? more : Boolean(after)) ? cursorOf(rows[0]) : null,
  };
}

// The page's text depends only on its shape, never on its values: rendered once per shape
// (composing and rendering it cost about as much as a primary-key lookup, measured with npm run bench),
// and named after it, for the statement prepared from it.
const statements = new Map<string, { name: string; statement: Query } | null>();

function pageStatement(actor: StaffActor, tab: SessionListTab, q: string | undefined, window: PageWindow) {
  // Only "My teams" depends on whether the person has teams (without any it has no statement).
  const name = ["session_list", tab, q ? "search" : "", window.before ? "before" : window.after ? "after" : "first", tab === "team" && actor.teamIds.length > 0 ? "teams" : ""]
    .filter(Boolean)
    .join("_");
  let page = statements.get(name);
  if (page === undefined) {
    const query = sessionPageSql(actor, { tab, q, window, bind: LIST_PLACEHOLDERS });
    page = query ? { name, statement: renderStatement(query) } : null;
    statements.set(name, page);
  }
  return page;
}

const EXPLAINED_CURSOR = { listedAt: "2026-01-01 00:00:00+00", id: "00000000-0000-4000-8000-000000000000" };
const EXPLAINED_WINDOWS = [
  { name: "first page", window: { limit: SESSION_PAGE_SIZE } },
  { name: "next page", window: { after: EXPLAINED_CURSOR, limit: SESSION_PAGE_SIZE } },
  { name: "previous page", window: { before: EXPLAINED_CURSOR, limit: SESSION_PAGE_SIZE } },
];

/** The SQL of a tab's first page, with and without a cursor (for EXPLAIN in the tests and the benchmark). */
export function sessionListQueries(actor: StaffActor, input: { tab: SessionListTab; q?: string }): { name: string; query: SQL }[] {
  return EXPLAINED_WINDOWS.flatMap(({ name, window }) => {
    const query = sessionPageSql(actor, { tab: input.tab, q: input.q, window });
    return query ? [{ name, query }] : [];
  });
}

/**
 * The statements a tab's pages without a search are prepared from (planned once for everyone), with
 * one call's values: for EXPLAIN of the plan every person gets, in the tests.
 */
export function plannedOnceSessionPages(actor: StaffActor, tab: SessionListTab): { name: string; sql: string; values: unknown[] }[] {
  return EXPLAINED_WINDOWS.flatMap(({ name, window }) => {
    const page = pageStatement(actor, tab, undefined, window);
    const values = listPlaceholderValues(actor, undefined, { ...window, limit: SESSION_PAGE_SIZE + 1 });
    return page ? [{ name, sql: page.statement.sql, values: fillPlaceholders(page.statement.params, values) }] : [];
  });
}
