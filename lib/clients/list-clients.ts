import "server-only";
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientAccess, clients, users } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { visibleClientsFilter } from "@/lib/access/client-visibility";

export const CLIENT_PAGE_SIZE = 20;

export interface ClientListItem {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  email: string | null;
  practitioners: string[];
}

function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A search matches a name, an email, or a date of birth (typed as 1988-04-12 or 12/04/1988). */
function searchCondition(q: string): SQL | undefined {
  if (!q) return undefined;
  const p = containsPattern(q);
  const parts: (SQL | undefined)[] = [
    ilike(sql`${clients.firstName} || ' ' || ${clients.lastName}`, p),
    ilike(sql`${clients.lastName} || ' ' || ${clients.firstName}`, p),
    ilike(clients.email, p),
    ilike(sql`${clients.dateOfBirth}::text`, p),
  ];
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  if (uk) parts.push(eq(clients.dateOfBirth, `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}`));
  return or(...parts);
}

/** The charts the actor may see (admins and "all"-scope roles: every chart), by name, paginated. */
export async function listClients(actor: StaffActor, input: { q?: string; page?: number }) {
  const page = Math.max(1, input.page ?? 1);
  const db = await getDb();
  const where = and(eq(clients.organisationId, actor.organisationId), isNull(clients.archivedAt), visibleClientsFilter(actor, clients.id), searchCondition(input.q ?? ""));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, dateOfBirth: clients.dateOfBirth, email: clients.email })
      .from(clients)
      .where(where)
      .orderBy(asc(clients.lastName), asc(clients.firstName), asc(clients.createdAt))
      .limit(CLIENT_PAGE_SIZE)
      .offset((page - 1) * CLIENT_PAGE_SIZE),
    db.select({ n: count() }).from(clients).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const access = ids.length
    ? await db
        .select({ clientId: clientAccess.clientId, name: users.name })
        .from(clientAccess)
        .innerJoin(users, eq(users.id, clientAccess.userId))
        .where(inArray(clientAccess.clientId, ids))
        .orderBy(asc(users.name))
    : [];
  const items: ClientListItem[] = rows.map((r) => ({ ...r, practitioners: access.filter((a) => a.clientId === r.id).map((a) => a.name) }));
  return { items, total: total?.n ?? 0, page, pageSize: CLIENT_PAGE_SIZE };
}
