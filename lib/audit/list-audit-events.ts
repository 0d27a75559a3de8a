import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { contacts, memberships, organisations, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { canReadAuditLog } from "@/lib/access/audit-log";
import { auditRefusal } from "@/lib/access/can";
import { AppError } from "@/lib/errors";
import type { AuditFilters } from "./audit-filters";
import { auditConditions, decodeAuditCursor, encodeAuditCursor, fetchAuditPage, resolveAuditRows, type AuditEntry } from "./audit-query";

export const AUDIT_PAGE_SIZE = 50;

/** The policy check of the audit log's page and export: refusals are audited and look like not-found. */
export async function assertCanReadAuditLog(actor: StaffActor): Promise<void> {
  if (canReadAuditLog(actor)) return;
  await auditRefusal(actor, "auditLog");
  throw new AppError("forbidden");
}

export async function organisationTimeZone(exec: Executor, organisationId: string): Promise<string> {
  const [org] = await exec.select({ timeZone: organisations.timeZone }).from(organisations).where(eq(organisations.id, organisationId));
  return org?.timeZone ?? "Europe/London";
}

/**
 * Settings → Audit log: the organisation's events, newest first, filtered, a page at a time by
 * cursor (`after` / `before` tokens from nextCursor / prevCursor); no total is counted.
 */
export async function listAuditEvents(
  actor: StaffActor,
  input: { filters: AuditFilters; after?: string; before?: string },
): Promise<{ entries: AuditEntry[]; nextCursor: string | null; prevCursor: string | null; timeZone: string }> {
  await assertCanReadAuditLog(actor);
  const db = await getDb();
  const timeZone = await organisationTimeZone(db, actor.organisationId);
  const before = decodeAuditCursor(input.before);
  const after = before ? null : decodeAuditCursor(input.after);
  const where = await auditConditions(db, actor.organisationId, input.filters, timeZone);
  const fetched = await fetchAuditPage(db, where, { limit: AUDIT_PAGE_SIZE + 1, after, before });
  const more = fetched.length > AUDIT_PAGE_SIZE;
  const rows = fetched.slice(0, AUDIT_PAGE_SIZE);
  if (before) rows.reverse();
  const entries = await resolveAuditRows(db, actor.organisationId, rows);
  const first = entries[0];
  const last = entries.at(-1);
  // Going back (before): "more" means newer pages exist; an older page always follows where we came from.
  const hasNewer = before ? more : Boolean(after);
  const hasOlder = before ? true : more;
  return {
    entries,
    nextCursor: hasOlder && last ? encodeAuditCursor(last.cursor) : null,
    prevCursor: hasNewer && first ? encodeAuditCursor(first.cursor) : null,
    timeZone,
  };
}

/** The people the person filter offers: the organisation's members (former ones too) and its contacts. */
export async function getAuditFilterOptions(actor: StaffActor) {
  await assertCanReadAuditLog(actor);
  const db = await getDb();
  const [members, contactRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, invitedName: memberships.invitedName, status: memberships.status })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organisationId, actor.organisationId))
      .orderBy(asc(users.name)),
    db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(eq(contacts.organisationId, actor.organisationId)).orderBy(asc(contacts.name)).limit(500),
  ]);
  return {
    members: members.map((m) => ({ value: `user:${m.id}`, label: `${m.invitedName ?? m.name}${m.status === "left" ? " (former member)" : ""}` })),
    contacts: contactRows.map((c) => ({ value: `contact:${c.id}`, label: c.name })),
  };
}
