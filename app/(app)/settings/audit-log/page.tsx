import type { Metadata } from "next";
import Link from "next/link";
import { Button, ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/field";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/access/can";
import { orNotFound } from "@/lib/access/or-not-found";
import { AUDIT_GROUP_KEYS, AUDIT_GROUPS, RECORD_TYPE_KEYS, RECORD_TYPES } from "@/lib/audit/action-groups";
import { getAuditSettings, MAX_AUDIT_RETENTION_YEARS, MIN_AUDIT_RETENTION_YEARS } from "@/lib/audit/audit-settings";
import { auditFilterParams, readAuditFilters, type AuditFilters } from "@/lib/audit/audit-filters";
import type { AuditEntry } from "@/lib/audit/audit-query";
import { getAuditFilterOptions, listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireStaff } from "@/lib/auth/staff-actor";
import { AuditSettingsForm } from "./audit-settings-form";

export const metadata: Metadata = { title: "Audit log" };

const ACTOR_KIND = { user: "Staff", contact: "External contact", client: "Client", system: "Automatic", anonymous: "Unknown" } as Record<string, string>;

function hrefWith(filters: AuditFilters, cursor?: { after?: string | null; before?: string | null }, path = "/settings/audit-log"): string {
  const params = auditFilterParams(filters);
  if (cursor?.after) params.set("after", cursor.after);
  if (cursor?.before) params.set("before", cursor.before);
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

const cursorParam = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 200 ? v : undefined);

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  const raw = await searchParams;
  const filters = readAuditFilters(raw);
  const list = await orNotFound(listAuditEvents(actor, { filters, after: cursorParam(raw.after), before: cursorParam(raw.before) }), ["forbidden"]);
  const options = await getAuditFilterOptions(actor);
  const admin = can(actor, "settings:edit");
  const settings = admin ? await getAuditSettings(actor) : null;
  const filtered = Object.values(filters).some(Boolean);
  const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: list.timeZone });

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Audit log"
          description={`Every sign-in, view, download, share and change of access or settings in your organisation, newest first. Times are in ${list.timeZone.replace(/_/g, " ")}.`}
          actions={
            <a href={hrefWith(filters, undefined, "/settings/audit-log/export")} download className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Export CSV
            </a>
          }
        />
        <CardBody>
          <form role="search" aria-label="Filter the audit log" action="/settings/audit-log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <Label htmlFor="person">Person</Label>
              <Select id="person" name="person" defaultValue={filters.person ?? ""}>
                <option value="">Anyone</option>
                <optgroup label="Staff">
                  {options.members.map((m) => (
                    <option key={m.value} value={m.value}>
                      {m.label}
                    </option>
                  ))}
                </optgroup>
                {options.contacts.length > 0 && (
                  <optgroup label="External contacts">
                    {options.contacts.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </optgroup>
                )}
              </Select>
            </div>
            <div>
              <Label htmlFor="client">Client</Label>
              <Input id="client" name="client" type="search" defaultValue={filters.client ?? ""} placeholder="Client's name" />
            </div>
            <div>
              <Label htmlFor="record">Record type</Label>
              <Select id="record" name="record" defaultValue={filters.record ?? ""}>
                <option value="">Any record</option>
                {RECORD_TYPE_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {RECORD_TYPES[k].label}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor="group">Action</Label>
              <Select id="group" name="group" defaultValue={filters.group ?? ""}>
                <option value="">All actions</option>
                {AUDIT_GROUP_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {AUDIT_GROUPS[k].label}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor="from">From</Label>
              <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
            </div>
            <div>
              <Label htmlFor="to">To</Label>
              <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
            </div>
            <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
              <Button type="submit" variant="primary">
                Apply filters
              </Button>
              {filtered && <ButtonLink href="/settings/audit-log">Clear filters</ButtonLink>}
            </div>
          </form>
        </CardBody>
      </Card>

      {list.entries.length === 0 ? (
        <EmptyState
          title={filtered ? "No events match these filters" : "No events yet"}
          description={filtered ? "Try a wider date range or fewer filters." : "Sign-ins, views, downloads, shares and changes appear here as they happen."}
        />
      ) : (
        <>
          <AuditTable entries={list.entries} format={(d) => when.format(d)} />
          <CursorPagination
            prevHref={list.prevCursor ? hrefWith(filters, { before: list.prevCursor }) : null}
            nextHref={list.nextCursor ? hrefWith(filters, { after: list.nextCursor }) : null}
          />
        </>
      )}

      {settings && (
        <Card className="max-w-3xl">
          <CardHeader title="Retention and time zone" description="How long the audit log is kept, and the time zone it is shown in." />
          <CardBody>
            <AuditSettingsForm
              auditRetentionYears={settings.auditRetentionYears}
              timeZone={settings.timeZone}
              timeZones={Intl.supportedValuesOf("timeZone")}
              minYears={MIN_AUDIT_RETENTION_YEARS}
              maxYears={MAX_AUDIT_RETENTION_YEARS}
            />
          </CardBody>
        </Card>
      )}
    </div>
  );
}

function AuditTable({ entries, format }: { entries: AuditEntry[]; format: (d: Date) => string }) {
  return (
    <Table>
      <caption className="sr-only">Audit events, newest first</caption>
      <THead>
        <Tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>Record</Th>
          <Th>Client</Th>
          <Th>From where</Th>
        </Tr>
      </THead>
      <TBody>
        {entries.map((e) => (
          <Tr key={e.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={e.at.toISOString()}>{format(e.at)}</time>
            </Td>
            <Td label="Who">
              <span className="font-medium text-slate-900">{e.actor.name}</span>
              <span className="block text-xs text-slate-600">{[ACTOR_KIND[e.actor.type], e.actor.role].filter(Boolean).join(" · ")}</span>
            </Td>
            <Td label="What">{e.sentence}</Td>
            <Td label="Record">
              {e.record ? (
                e.record.href ? (
                  <Link href={e.record.href} className="text-teal-800 underline-offset-2 hover:underline">
                    {e.record.label}
                  </Link>
                ) : (
                  <span className="text-slate-700">{e.record.label}</span>
                )
              ) : (
                <span className="text-slate-600">—</span>
              )}
            </Td>
            <Td label="Client">
              {e.client ? (
                e.client.href ? (
                  <Link href={e.client.href} className="text-teal-800 underline-offset-2 hover:underline">
                    {e.client.name}
                  </Link>
                ) : (
                  e.client.name
                )
              ) : (
                <span className="text-slate-600">—</span>
              )}
            </Td>
            <Td label="From where">
              <span className="block">{e.device}</span>
              <span className="block text-xs text-slate-600">{e.ip ?? "IP not recorded"}</span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
