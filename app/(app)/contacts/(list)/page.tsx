import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { canContacts } from "@/lib/access/documents";
import { requireStaffWith } from "@/lib/access/require-area";
import { listContacts } from "@/lib/contacts/list-contacts";
import { formatMobile } from "@/lib/contacts/schemas";
import { searchParam } from "@/lib/validation/text";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string; archived?: string }> }) {
  const actor = await requireStaffWith("contacts:view");
  const params = await searchParams;
  const q = searchParam(params.q);
  const archived = params.archived === "1";
  const page = Math.max(1, Number(params.page) || 1);
  const { items, total, pageSize } = await listContacts(actor, { q, archived, page });
  const canEdit = canContacts(actor, "edit");
  const href = (p: { page?: number; archived?: boolean }) =>
    `/contacts?${new URLSearchParams({ ...(q ? { q } : {}), ...((p.archived ?? archived) ? { archived: "1" } : {}), ...(p.page && p.page > 1 ? { page: String(p.page) } : {}) })}`;

  return (
    <>
      <PageHeader
        title="Contacts"
        description="Your clinic's external contacts — GPs, insurers, specialist clinics — with whom you can share documents."
        actions={canEdit ? <ButtonLink href="/contacts/new" variant="primary">New contact</ButtonLink> : undefined}
      />
      <form role="search" action="/contacts" className="mb-4 flex flex-wrap items-end gap-2">
        <label htmlFor="q" className="sr-only">
          Search contacts
        </label>
        <Input id="q" name="q" type="search" defaultValue={q} placeholder="Search by name, organisation, role or email" className="max-w-md" />
        {archived && <input type="hidden" name="archived" value="1" />}
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Search
        </button>
        <Link href={href({ archived: !archived })} className="ml-auto text-sm text-teal-800 hover:underline">
          {archived ? "Show active contacts" : "Show archived contacts"}
        </Link>
      </form>
      {items.length === 0 ? (
        <EmptyState
          title={q ? "No contacts match your search" : archived ? "No archived contacts" : "No contacts yet"}
          description={q ? "Try a different name, organisation or email." : "Add the GPs, insurers and clinics you send documents to."}
          action={canEdit && !q && !archived ? <ButtonLink href="/contacts/new" variant="primary">New contact</ButtonLink> : undefined}
        />
      ) : (
        <>
          <Table>
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Organisation</Th>
                <Th>Role</Th>
                <Th>Email</Th>
                <Th>Mobile</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((c) => (
                <Tr key={c.id}>
                  <Td>
                    <Link href={`/contacts/${c.id}`} className="font-medium text-teal-800 hover:underline">
                      {c.name}
                    </Link>
                    {c.archived && <Badge className="ml-2">Archived</Badge>}
                  </Td>
                  <Td label="Organisation">{c.organisationName ?? <span className="text-slate-600">—</span>}</Td>
                  <Td label="Role">{c.role ?? <span className="text-slate-600">—</span>}</Td>
                  <Td label="Email">{c.email ?? <span className="text-slate-600">—</span>}</Td>
                  <Td label="Mobile" className="whitespace-nowrap">{c.mobile ? formatMobile(c.mobile) : <span className="text-slate-600">—</span>}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={pageSize} total={total} hrefForPage={(p) => href({ page: p })} />
        </>
      )}
    </>
  );
}
