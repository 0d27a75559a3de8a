import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPagination, PageNowEmpty } from "@/components/ui/cursor-pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AccessLevelBadge, formatDate, SessionStatusBadge, VisibilityBadge } from "@/components/sessions/session-badges";
import { can } from "@/lib/access/can";
import { requireStaffWith } from "@/lib/access/require-area";
import { listSessions, type SessionListItem } from "@/lib/sessions/list-sessions";
import { listSessionsInput } from "@/lib/sessions/schemas";
import type { SessionListTab } from "@/lib/sessions/visible-sessions";
import { cursorParam } from "@/lib/pagination/list-cursor";

export const metadata: Metadata = { title: "Sessions" };

const TABS = [
  { key: "mine", label: "My sessions" },
  { key: "shared", label: "Shared with me" },
  { key: "team", label: "My teams" },
] as const satisfies readonly { key: SessionListTab; label: string }[];

const EMPTY = {
  mine: { title: "No sessions yet", description: "Sessions you start are listed here, newest first." },
  shared: { title: "Nothing shared with you", description: "When a colleague shares a session with you, it appears here, and you get a notification and an email." },
  team: { title: "No team sessions", description: "Sessions your teams' members make visible to the team appear here." },
} as const satisfies Record<SessionListTab, { title: string; description: string }>;

function hrefFor(tab: SessionListTab, q: string, cursor?: { after?: string | null; before?: string | null }): string {
  const params = new URLSearchParams({ tab });
  if (q) params.set("q", q);
  if (cursor?.after) params.set("after", cursor.after);
  if (cursor?.before) params.set("before", cursor.before);
  return `/sessions?${params}`;
}

/** A cursor from the query string (an opaque token; the list ignores one it did not make). */

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaffWith("sessions:view");
  const raw = await searchParams;
  const { tab, q } = listSessionsInput.parse({ tab: raw.tab ?? "mine", q: raw.q ?? "" });
  const list = await listSessions(actor, { tab, q, after: cursorParam(raw.after), before: cursorParam(raw.before) });
  const mayCreate = can(actor, "sessions:edit");

  return (
    <>
      <PageHeader
        title="Sessions"
        description="Your sessions, sessions colleagues shared with you, and your teams' sessions."
        actions={mayCreate ? <ButtonLink href="/sessions/new" variant="primary">New session</ButtonLink> : undefined}
      />
      {raw.deleted && <Alert tone="success" className="mb-4">The session was deleted.</Alert>}
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <nav aria-label="Session lists" className="flex gap-1 border-b border-slate-200">
          {TABS.map((t) => (
            <Link
              key={t.key}
              href={hrefFor(t.key, q)}
              aria-current={t.key === tab ? "page" : undefined}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600",
                t.key === tab ? "border-teal-700 text-teal-800" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {t.label}
            </Link>
          ))}
        </nav>
        <form role="search" action="/sessions" className="flex items-end gap-2">
          <input type="hidden" name="tab" value={tab} />
          <label htmlFor="q" className="sr-only">
            Search by title or client
          </label>
          <Input id="q" name="q" type="search" defaultValue={q} placeholder="Search by title or client" className="w-64" />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </div>
      {list.items.length === 0 ? (
        raw.after || raw.before ? (
          <PageNowEmpty firstPageHref={hrefFor(tab, q)} what="sessions" />
        ) : q ? (
          <EmptyState title="No matching sessions" description={`Nothing in this list matches “${q}”.`} action={<ButtonLink href={hrefFor(tab, "")}>Clear search</ButtonLink>} />
        ) : (
          <EmptyState {...EMPTY[tab]} />
        )
      ) : (
        <>
          <SessionTable tab={tab} items={list.items} />
          <CursorPagination
            prevHref={list.prevCursor ? hrefFor(tab, q, { before: list.prevCursor }) : null}
            nextHref={list.nextCursor ? hrefFor(tab, q, { after: list.nextCursor }) : null}
          />
        </>
      )}
    </>
  );
}

function SessionTable({ tab, items }: { tab: SessionListTab; items: SessionListItem[] }) {
  return (
    <Table>
      <caption className="sr-only">{TABS.find((t) => t.key === tab)!.label}</caption>
      <THead>
        <Tr>
          <Th>Session</Th>
          <Th>Client</Th>
          <Th>Status</Th>
          {tab === "mine" && <Th>Visibility</Th>}
          {tab === "shared" && <Th>Shared by</Th>}
          {tab !== "mine" && <Th>Owner</Th>}
          {tab === "team" && <Th>Team</Th>}
          <Th>My access</Th>
          <Th>{tab === "shared" ? "Shared" : "Created"}</Th>
        </Tr>
      </THead>
      <TBody>
        {items.map((s) => (
          <Tr key={s.id}>
            <Td>
              <Link className="font-medium text-teal-800 hover:underline" href={`/sessions/${s.id}`}>
                {s.title}
              </Link>
            </Td>
            <Td label="Client">{s.clientName ?? <span className="text-slate-600">—</span>}</Td>
            <Td label="Status">
              <SessionStatusBadge status={s.status} />
            </Td>
            {tab === "mine" && (
              <Td label="Visibility">
                <VisibilityBadge visibility={s.visibility} teamName={s.teamName} />
              </Td>
            )}
            {tab === "shared" && <Td label="Shared by">{s.sharedByName}</Td>}
            {tab !== "mine" && <Td label="Owner">{s.ownerName}</Td>}
            {tab === "team" && <Td label="Team">{s.teamName}</Td>}
            <Td label="My access">
              <AccessLevelBadge level={s.myLevel} />
            </Td>
            <Td label={tab === "shared" ? "Shared" : "Created"} className="whitespace-nowrap">{formatDate(tab === "shared" && s.sharedAt ? s.sharedAt : s.createdAt)}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
