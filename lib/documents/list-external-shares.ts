import "server-only";
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db/client";
import { clients, contacts, documents, documentShares, organisations, shareDocuments, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { visibleClientsFilter } from "@/lib/access/client-visibility";
import { canManageShare, canSeeExternalShares, kindsFor, type DocumentKind } from "@/lib/access/documents";
import { AppError } from "@/lib/errors";
import { decodeListCursor, encodeListCursor, type ListCursor } from "@/lib/pagination/list-cursor";
import { shareDisplayState, UNOPENED_LINK_LIFETIME_MS, type ShareDisplayState } from "@/lib/portal/link-state";
import { assignedChartsOf } from "./list-documents";

export const EXTERNAL_SHARES_PAGE_SIZE = 25;

/** "live": every share not revoked (the view's default); otherwise one display state. */
export type ExternalShareFilter = "live" | ShareDisplayState;
/** The view's filters, in the order its chips show them. */
export const EXTERNAL_SHARE_FILTERS = ["live", "sent", "opened", "downloaded", "expired", "locked", "revoked"] as const satisfies readonly ExternalShareFilter[];

export interface ExternalShareItem {
  id: string;
  documentId: string;
  documentTitle: string;
  documentKind: DocumentKind;
  /** The share's other documents, for a share of several (the row names its first). */
  moreDocuments: number;
  clientName: string;
  contactName: string;
  contactOrganisation: string | null;
  sharedByName: string;
  state: ShareDisplayState;
  sentAt: Date;
  firstOpenedAt: Date | null;
  downloadedAt: Date | null;
  canRevoke: boolean;
}

export interface ExternalSharesPage {
  items: ExternalShareItem[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * The same rules as shareDisplayState() (lib/portal/link-state.ts), in SQL, so the filter pages in
 * the database: revoked, then locked, then expired (unopened past 24 hours, or opened longer ago
 * than the organisation's maximum), then downloaded / opened / sent.
 */
function stateSql(state: ExternalShareFilter, now: Date, openedLinkMaxDays: number | null): SQL {
  const t = sql`${now.toISOString()}::timestamptz`;
  const s = documentShares;
  // The same instants as linkStatus (lib/portal/link-state.ts): the unopened link's lifetime, and the
  // clinic's limit on opened links in 24-hour days (calendar days would move at a clock change).
  const unopenedCutoff = sql`${t} - ${sql.raw(`interval '${UNOPENED_LINK_LIFETIME_MS / 1000} seconds'`)}`;
  const openedCutoff = openedLinkMaxDays != null ? sql`${t} - make_interval(hours => ${openedLinkMaxDays}::int * 24)` : null;
  const expired = sql`((${s.firstOpenedAt} is null and ${s.sentAt} <= ${unopenedCutoff})${openedCutoff ? sql` or ${s.firstOpenedAt} <= ${openedCutoff}` : sql``})`;
  const standing = sql`${s.revokedAt} is null and ${s.lockedAt} is null`;
  const active = sql`${standing} and not ${expired}`;
  // Implied by `active` for an opened link when the clinic limits opened links; said outright, it
  // lets document_shares_org_opened_idx read only the links opened within the limit.
  const openedWithin = openedCutoff ? sql`and ${s.firstOpenedAt} > ${openedCutoff}` : sql``;
  switch (state) {
    case "live":
      return sql`${s.revokedAt} is null`;
    case "revoked":
      return sql`${s.revokedAt} is not null`;
    case "locked":
      return sql`${s.revokedAt} is null and ${s.lockedAt} is not null`;
    case "expired":
      return sql`${standing} and ${expired}`;
    case "downloaded":
      return sql`${active} and ${s.downloadedAt} is not null ${openedWithin}`;
    case "opened":
      return sql`${active} and ${s.firstOpenedAt} is not null and ${s.downloadedAt} is null ${openedWithin}`;
    case "sent":
      // Active and unopened is: neither revoked nor locked, unopened, and sent within the unopened
      // link's lifetime (the bound lets document_shares_org_unopened_idx read only those).
      return sql`${standing} and ${s.firstOpenedAt} is null and ${s.sentAt} > ${unopenedCutoff}`;
  }
}

/**
 * "Shared externally": the organisation's external shares of documents the actor can see (a kind
 * the role may view, a live chart the actor sees — by role or access list; unlike the documents
 * list, an emergency grant does not add charts to this overview), newest first, keyset
 * paged (`after` = next page, `before` = previous page), filtered by state. Refused (not found)
 * for roles without the view (canSeeExternalShares).
 */
export async function listExternalShares(actor: StaffActor, opts: { state?: ExternalShareFilter; after?: string; before?: string; now?: Date } = {}): Promise<ExternalSharesPage> {
  if (!canSeeExternalShares(actor)) throw new AppError("not_found");
  const now = opts.now ?? new Date();
  const db = await getDb();
  const [org] = await db.select({ openedLinkMaxDays: organisations.openedLinkMaxDays, sharingEnabled: organisations.sharingEnabled }).from(organisations).where(eq(organisations.id, actor.organisationId));
  const policy = { openedLinkMaxDays: org?.openedLinkMaxDays ?? null };
  const before = decodeListCursor(opts.before);
  const after = before ? null : decodeListCursor(opts.after);
  const assignedCharts = await assignedChartsOf(db, actor);
  const fetched = await externalSharesPageQuery(db, actor, { state: opts.state ?? "live", now, openedLinkMaxDays: policy.openedLinkMaxDays, after, before, assignedCharts });
  const more = fetched.length > EXTERNAL_SHARES_PAGE_SIZE;
  const rows = fetched.slice(0, EXTERNAL_SHARES_PAGE_SIZE);
  // A previous page was read oldest first: put it back in list order.
  if (before) rows.reverse();
  const cursorOf = (r: (typeof rows)[number] | undefined) => (r ? encodeListCursor({ listedAt: r.listedKey, id: r.share.id }) : null);
  const sharing = { sharingEnabled: org?.sharingEnabled ?? false };
  return {
    items: rows.map((r) => {
      const s = r.share;
      const state = shareDisplayState(s, now, policy);
      // The row passed the list's visibility rule: the document is live and its chart visible.
      const facts = { organisationId: actor.organisationId, kind: r.kind, deletedAt: null, clientVisible: true };
      return {
        id: s.id,
        documentId: s.documentId,
        documentTitle: r.title,
        documentKind: r.kind,
        moreDocuments: Number(r.moreDocuments),
        clientName: r.clientName,
        contactName: r.contactName,
        contactOrganisation: r.contactOrganisation,
        sharedByName: r.sharedByName,
        state,
        sentAt: s.sentAt,
        firstOpenedAt: s.firstOpenedAt,
        downloadedAt: s.downloadedAt,
        canRevoke: state !== "revoked" && canManageShare(actor, facts, s, "revoke", sharing),
      };
    }),
    nextCursor: before || more ? cursorOf(rows.at(-1)) : null,
    prevCursor: (before ? more : Boolean(after)) ? cursorOf(rows[0]) : null,
  };
}

/**
 * One page of "Shared externally" as a query (also EXPLAINed by the tests and the benchmark): the
 * organisation's shares newest first from document_shares_org_created_idx (or its partial twins for
 * revoked, locked, unopened and recently opened links), each with its document if the actor may see it.
 * The document is probed by key per share, in a LATERAL subquery whose LIMIT keeps the planner from
 * flattening it (flattened, it hashed every document of the organisation, or of a long access
 * list's charts, before the first row). A short access list (assignedChartsOf: "few") is the
 * exception: joined, the planner starts from the person's few charts instead.
 */
export function externalSharesPageQuery(
  db: Database,
  actor: StaffActor,
  opts: { state: ExternalShareFilter; now: Date; openedLinkMaxDays: number | null; after?: ListCursor | null; before?: ListCursor | null; assignedCharts?: "few" | "many" },
) {
  const { before, after } = opts;
  const edge = before ?? after;
  const keyset = edge ? sql`(${documentShares.createdAt}, ${documentShares.id}) ${before ? sql`>` : sql`<`} (${edge.listedAt}::timestamptz, ${edge.id}::uuid)` : undefined;
  const order = before ? [documentShares.createdAt, documentShares.id] : [desc(documentShares.createdAt), desc(documentShares.id)];
  const shareConditions = and(
    eq(documentShares.organisationId, actor.organisationId),
    stateSql(opts.state, opts.now, opts.openedLinkMaxDays),
    keyset,
  );
  const documentConditions = and(eq(documents.organisationId, actor.organisationId), isNull(documents.deletedAt), inArray(documents.kind, kindsFor(actor, "view")));
  const columns = (doc: { title: AnyPgColumn | SQL.Aliased<string>; kind: AnyPgColumn | SQL.Aliased<DocumentKind>; clientId: AnyPgColumn | SQL.Aliased<string> }) => ({
    share: documentShares,
    listedKey: sql<string>`${documentShares.createdAt}::text`,
    title: sql<string>`${doc.title}`,
    kind: sql<DocumentKind>`${doc.kind}`,
    // The names are looked up for the page's rows only, by primary key: scalar subqueries leave the
    // planner two tables to join instead of six (planning six cost more than running the page).
    clientName: sql<string>`(select ${clients.firstName} || ' ' || ${clients.lastName} from ${clients} where ${clients.id} = ${doc.clientId})`,
    contactName: sql<string>`(select ${contacts.name} from ${contacts} where ${contacts.id} = ${documentShares.contactId})`,
    contactOrganisation: sql<string | null>`(select ${contacts.organisationName} from ${contacts} where ${contacts.id} = ${documentShares.contactId})`,
    sharedByName: sql<string>`(select ${users.name} from ${users} where ${users.id} = ${documentShares.sharedById})`,
    // A share of several documents lists under its first; the others are counted.
    moreDocuments: sql<number>`(select count(*)::int from ${shareDocuments} where ${shareDocuments.shareId} = ${documentShares.id})`,
  });
  if (actor.role.permissions.clientScope !== "all" && opts.assignedCharts !== "many") {
    return db
      .select(columns(documents))
      .from(documentShares)
      .innerJoin(documents, eq(documents.id, documentShares.documentId))
      .where(and(shareConditions, documentConditions, visibleClientsFilter(actor, documents.clientId)))
      .orderBy(...order)
      .limit(EXTERNAL_SHARES_PAGE_SIZE + 1);
  }
  const doc = db
    .select({ title: documents.title, kind: documents.kind, clientId: documents.clientId })
    .from(documents)
    .where(and(eq(documents.id, documentShares.documentId), documentConditions, visibleClientsFilter(actor, documents.clientId)))
    .limit(1)
    .as("doc");
  return db
    .select(columns(doc))
    .from(documentShares)
    .innerJoinLateral(doc, sql`true`)
    .where(shareConditions)
    .orderBy(...order)
    .limit(EXTERNAL_SHARES_PAGE_SIZE + 1);
}
