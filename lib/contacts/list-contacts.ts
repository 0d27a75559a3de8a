import "server-only";
import { and, asc, eq, ilike, isNull, isNotNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canContacts } from "@/lib/access/documents";
import { assertCan } from "@/lib/access/can";
import { AppError } from "@/lib/errors";
import { findContact } from "./find-contact";
import { portalContactAccess } from "./portal-contact-charts";

export interface ContactDto {
  id: string;
  name: string;
  organisationName: string | null;
  role: string | null;
  email: string | null;
  mobile: string | null;
  notes: string;
  archived: boolean;
}

const columns = {
  id: contacts.id,
  name: contacts.name,
  organisationName: contacts.organisationName,
  role: contacts.role,
  email: contacts.email,
  mobile: contacts.mobile,
  notes: contacts.notes,
  archivedAt: contacts.archivedAt,
};

function toDto(r: { archivedAt: Date | null } & Omit<ContactDto, "archived">): ContactDto {
  const { archivedAt, ...rest } = r;
  return { ...rest, archived: archivedAt !== null };
}

function searchCondition(q: string | undefined) {
  const term = q?.trim();
  if (!term) return undefined;
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(contacts.name, like), ilike(contacts.organisationName, like), ilike(contacts.email, like), ilike(contacts.role, like));
}

/** The organisation's contacts, searched by name, organisation, role or email, a page at a time. */
export async function listContacts(actor: StaffActor, opts: { q?: string; archived?: boolean; page?: number; pageSize?: number } = {}) {
  await assertCan(actor, "contacts:view");
  const db = await getDb();
  const pageSize = opts.pageSize ?? 25;
  const page = Math.max(1, opts.page ?? 1);
  const where = and(eq(contacts.organisationId, actor.organisationId), opts.archived ? isNotNull(contacts.archivedAt) : isNull(contacts.archivedAt), searchCondition(opts.q));
  const [rows, [count]] = await Promise.all([
    db.select(columns).from(contacts).where(where).orderBy(asc(sql`lower(${contacts.name})`), asc(contacts.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(where),
  ]);
  return { items: rows.map(toDto), total: count?.n ?? 0, page, pageSize };
}

/** For the share dialog: active contacts whose name or organisation matches. */
export async function searchContacts(actor: StaffActor, q: string): Promise<ContactDto[]> {
  if (!canContacts(actor, "view")) return [];
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(contacts)
    .where(and(eq(contacts.organisationId, actor.organisationId), isNull(contacts.archivedAt), searchCondition(q)))
    .orderBy(asc(sql`lower(${contacts.name})`))
    .limit(20);
  return rows.map(toDto);
}

/**
 * One contact for its page, with whether the actor may change its details: contacts:edit, and for
 * a client's portal contact, the right to manage each of its charts' portal (portal-contact-charts.ts).
 */
export async function getContact(actor: StaffActor, contactId: string): Promise<ContactDto & { portalContact: boolean; editable: boolean }> {
  if (!canContacts(actor, "view")) throw new AppError("not_found");
  const db = await getDb();
  const row = await findContact(db, actor, contactId);
  const { portalContact, mayEdit } = await portalContactAccess(db, actor, row.id);
  const editable = canContacts(actor, "edit") && mayEdit;
  return {
    ...toDto({ id: row.id, name: row.name, organisationName: row.organisationName, role: row.role, email: row.email, mobile: row.mobile, notes: row.notes, archivedAt: row.archivedAt }),
    portalContact,
    editable,
  };
}
