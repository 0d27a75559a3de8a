import "server-only";
import { and, isNull } from "drizzle-orm";
import { getDb, selectRows, type Database } from "@/db/client";
import { rowDate } from "@/db/row-dates";
import { clients } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canSeeClient, visibleClientFilter } from "@/lib/access/client-visibility";
import { kindsFor, type DocumentKind } from "@/lib/access/documents";
import { AppError } from "@/lib/errors";
import { decodeListCursor, encodeListCursor } from "@/lib/pagination/list-cursor";
import { loadShareSummaries, type DocumentShareSummary } from "./share-summaries";
import { assignedChartsCountSql, documentPageSql, MANY_ASSIGNED_CHARTS } from "./visible-documents";

export interface DocumentListItem {
  id: string;
  kind: DocumentKind;
  title: string;
  clientId: string;
  clientName: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  /** Its external shares with their state, newest first. */
  shares: DocumentShareSummary[];
}

export const DOCUMENT_PAGE_SIZE = 25;

export interface DocumentListPage {
  items: DocumentListItem[];
  pageSize: number;
  /** Cursors for the Next (older) and Previous (newer) links; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

interface Row {
  id: string;
  kind: DocumentKind;
  title: string;
  client_id: string;
  created_at: Date | string;
  updated_at: Date | string;
  listed_key: string;
  client_name: string;
  author_name: string;
}


/**
 * How long a person's access list is, for the lists that read it (the all-documents list,
 * visible-documents.ts; "Shared externally", list-external-shares.ts): "many" when they see only
 * assigned charts and have more than MANY_ASSIGNED_CHARTS, else "few" — also for roles that see every
 * chart, which have no list (the lists check the client scope first).
 */
export async function assignedChartsOf(db: Database, actor: StaffActor): Promise<"few" | "many"> {
  if (actor.role.permissions.clientScope !== "assigned") return "few";
  const [count] = await selectRows<{ n: number }>(db, assignedChartsCountSql(actor));
  return (count?.n ?? 0) > MANY_ASSIGNED_CHARTS ? "many" : "few";
}

/** Newest first, paged by cursor (`after` = the next page's token, `before` = the previous page's); no total is counted. */
async function documentPage(actor: StaffActor, opts: { kind?: DocumentKind; clientId?: string; after?: string; before?: string }): Promise<DocumentListPage> {
  const kinds = kindsFor(actor, "view").filter((k) => !opts.kind || k === opts.kind);
  const before = decodeListCursor(opts.before);
  const after = before ? null : decodeListCursor(opts.after);
  const db = await getDb();
  const assignedCharts = opts.clientId ? "few" : await assignedChartsOf(db, actor);
  const window = { after: after ?? undefined, before: before ?? undefined, limit: DOCUMENT_PAGE_SIZE };
  const query = documentPageSql(actor, { kinds, clientId: opts.clientId, window, assignedCharts });
  if (!query) return { items: [], pageSize: DOCUMENT_PAGE_SIZE, nextCursor: null, prevCursor: null };
  const fetched = await selectRows<Row>(db, query);
  const more = fetched.length > DOCUMENT_PAGE_SIZE;
  const rows = fetched.slice(0, DOCUMENT_PAGE_SIZE);
  // A previous page was read oldest first: put it back in list order.
  if (before) rows.reverse();
  const cursorOf = (r: Row | undefined) => (r ? encodeListCursor({ listedAt: r.listed_key, id: r.id }) : null);
  const shares = await loadShareSummaries(db, actor.organisationId, rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      clientId: r.client_id,
      clientName: r.client_name,
      authorName: r.author_name,
      createdAt: rowDate(r.created_at),
      updatedAt: rowDate(r.updated_at),
      shares: shares.get(r.id) ?? [],
    })),
    pageSize: DOCUMENT_PAGE_SIZE,
    nextCursor: before || more ? cursorOf(rows.at(-1)) : null,
    prevCursor: (before ? more : Boolean(after)) ? cursorOf(rows[0]) : null,
  };
}

/** The all-documents list, optionally of one kind, newest first. */
export async function listDocuments(actor: StaffActor, opts: { kind?: DocumentKind; after?: string; before?: string } = {}): Promise<DocumentListPage> {
  return documentPage(actor, opts);
}

/**
 * One client's documents, for the client chart's Documents tab. A client the actor may not see
 * is `not_found`, like a missing one.
 */
export async function listClientDocuments(actor: StaffActor, clientId: string, opts: { kind?: DocumentKind; after?: string; before?: string } = {}): Promise<DocumentListPage> {
  const db = await getDb();
  if (!(await canSeeClient(actor, clientId, db, { emergencyAt: new Date() }))) throw new AppError("not_found");
  return documentPage(actor, { ...opts, clientId });
}

/** Clients the actor may file a document for (their visible charts). */
export async function listClientChoices(actor: StaffActor): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(and(isNull(clients.archivedAt), visibleClientFilter(actor, clients.id, clients.organisationId)))
    .orderBy(clients.lastName, clients.firstName)
    .limit(500);
  return rows.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` }));
}
