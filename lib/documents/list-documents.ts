import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { clients, documents, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canSeeClient, visibleClientFilter } from "@/lib/access/client-visibility";
import { kindsFor, type DocumentKind } from "@/lib/access/documents";
import { AppError } from "@/lib/errors";

export interface DocumentListItem {
  id: string;
  kind: DocumentKind;
  title: string;
  clientId: string;
  clientName: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
}

const author = alias(users, "author");

/**
 * "Documents I can see", in SQL, with the same rules as canDocument(): same organisation, not
 * deleted, a kind whose area the role may view, and a client the actor may see (an emergency grant
 * counts: listing is viewing).
 */
function visibleDocuments(actor: StaffActor, kinds: DocumentKind[]) {
  const sight = { emergencyAt: new Date() };
  return and(eq(documents.organisationId, actor.organisationId), isNull(documents.deletedAt), inArray(documents.kind, kinds), visibleClientFilter(actor, documents.clientId, documents.organisationId, sight));
}

async function query(actor: StaffActor, opts: { kind?: DocumentKind; clientId?: string; page: number; pageSize: number }) {
  const kinds = kindsFor(actor, "view").filter((k) => !opts.kind || k === opts.kind);
  if (kinds.length === 0) return { items: [] as DocumentListItem[], total: 0, page: opts.page, pageSize: opts.pageSize };
  const db = await getDb();
  const where = and(visibleDocuments(actor, kinds), opts.clientId ? eq(documents.clientId, opts.clientId) : undefined);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: documents.id,
        kind: documents.kind,
        title: documents.title,
        clientId: documents.clientId,
        firstName: clients.firstName,
        lastName: clients.lastName,
        authorName: author.name,
        createdAt: documents.createdAt,
        updatedAt: documents.updatedAt,
      })
      .from(documents)
      .innerJoin(clients, eq(clients.id, documents.clientId))
      .innerJoin(author, eq(author.id, documents.authorId))
      .where(where)
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(documents).where(where),
  ]);
  return {
    items: rows.map(({ firstName, lastName, ...r }) => ({ ...r, clientName: `${firstName} ${lastName}` })),
    total: count?.n ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}

/** The all-documents list, optionally of one kind, newest first. */
export async function listDocuments(actor: StaffActor, opts: { kind?: DocumentKind; page?: number; pageSize?: number } = {}) {
  return query(actor, { kind: opts.kind, page: Math.max(1, opts.page ?? 1), pageSize: opts.pageSize ?? 25 });
}

/**
 * One client's documents, for the client chart's Documents tab. A client the actor may not see
 * is `not_found`, like a missing one.
 */
export async function listClientDocuments(actor: StaffActor, clientId: string, opts: { kind?: DocumentKind; page?: number; pageSize?: number } = {}) {
  const db = await getDb();
  if (!(await canSeeClient(actor, clientId, db, { emergencyAt: new Date() }))) throw new AppError("not_found");
  return query(actor, { kind: opts.kind, clientId, page: Math.max(1, opts.page ?? 1), pageSize: opts.pageSize ?? 25 });
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
