import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPagination, PageNowEmpty } from "@/components/ui/cursor-pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { roleAllowsClient } from "@/lib/access/clients";
import { requireStaffWith } from "@/lib/access/require-area";
import { listClients } from "@/lib/clients/list-clients";
import { listClientsInput } from "@/lib/clients/schemas";
import { formatDate } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Clients" };

type Params = { q?: string; after?: string | string[]; before?: string | string[] };
/**
 * A cursor from the query string (an opaque token; the list ignores one it did not make). Client
 * cursors carry the sort name, so they may be longer than the other lists' (lib/pagination/list-cursor.ts).
 */
const cursorParam = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 800 ? v : undefined);

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireStaffWith("patients:view");
  const raw = await searchParams;
  const parsed = listClientsInput.safeParse({ q: raw.q });
  const q = parsed.success ? parsed.data.q : "";
  const list = await listClients(actor, { q, after: cursorParam(raw.after), before: cursorParam(raw.before) });
  const href = (cursor: Record<string, string>) => `/clients?${new URLSearchParams({ ...(q ? { q } : {}), ...cursor })}`;
  return (
    <>
      <PageHeader
        title="Clients"
        description={
          actor.role.permissions.clientScope === "all"
            ? "Every client chart of the organisation. A person's separate profiles are listed together."
            : "The client charts you have been given access to."
        }
        actions={roleAllowsClient(actor, "client:create") ? <ButtonLink href="/clients/new" variant="primary">New client</ButtonLink> : null}
      />
      <form role="search" className="mb-4 flex max-w-xl gap-2" action="/clients">
        <label htmlFor="q" className="sr-only">
          Search clients
        </label>
        <Input id="q" name="q" type="search" defaultValue={q} placeholder="Search by name, date of birth or email" />
        <button type="submit" className="h-10 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50">
          Search
        </button>
      </form>
      {list.items.length === 0 && (raw.after || raw.before) ? (
        <PageNowEmpty firstPageHref={href({})} what="clients" />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={q ? "No clients match your search" : "No clients yet"}
          description={q ? "Try a name, an email address or a date of birth such as 1988-04-12." : "Charts you may see will be listed here."}
        />
      ) : (
        <>
          <Table>
            <caption className="sr-only">Clients</caption>
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Date of birth</Th>
                <Th>Email</Th>
                <Th>Practitioners</Th>
              </Tr>
            </THead>
            <TBody>
              {list.items.map((c) => (
                <Tr key={c.id} data-profile-of={c.profileOf ?? undefined}>
                  <Td className={c.profileOf ? "pl-9" : undefined}>
                    {/* A separate profile sits under the person's first listed profile (lib/clients/list-clients.ts). */}
                    {c.profileOf && (
                      <span aria-hidden="true" className="mr-1.5 text-slate-600">
                        ↳
                      </span>
                    )}
                    <Link className="font-medium text-teal-800 hover:underline" href={`/clients/${c.id}`}>
                      {c.lastName}, {c.firstName}
                      {c.profileOf && <span className="sr-only"> (separate profile of the same person)</span>}
                    </Link>
                    {c.profileLabel && <Badge className="ml-2">{c.profileLabel}</Badge>}
                    {c.profileOf && !c.profileLabel && <Badge className="ml-2">Separate profile</Badge>}
                  </Td>
                  <Td label="Date of birth">{c.dateOfBirth ? formatDate(c.dateOfBirth) : <span className="text-slate-600">—</span>}</Td>
                  <Td label="Email">{c.email ?? <span className="text-slate-600">No email</span>}</Td>
                  <Td label="Practitioners">{c.practitioners.join(", ") || <span className="text-slate-600">None assigned</span>}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <CursorPagination
            prevHref={list.prevCursor ? href({ before: list.prevCursor }) : null}
            nextHref={list.nextCursor ? href({ after: list.nextCursor }) : null}
          />
        </>
      )}
    </>
  );
}
