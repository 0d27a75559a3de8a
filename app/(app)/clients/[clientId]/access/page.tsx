import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { ShareStateBadge } from "@/components/access/share-state-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import {
  SESSION_LEVEL_LABELS,
  SHARE_LEVEL_LABELS,
} from "@/lib/access/sessions";
import {
  listChartAccess,
  type SessionAccessReason,
} from "@/lib/clients/list-chart-access";
import { listChartHistory } from "@/lib/clients/list-chart-history";
import {
  ALREADY_SEE_EVERY_CHART,
  listPractitioners,
} from "@/lib/clients/list-practitioners";
import { searchParam } from "@/lib/validation/text";
import { formatDate, formatDateTime } from "../../format";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";
import { AccessForm } from "./access-form";
import { AccessLine } from "./access-line";
import { AccessUntil } from "@/components/access/access-until";
import { AccessEndForm } from "@/components/access/access-end-form";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Access");
}

function reasonText(r: SessionAccessReason): string {
  if (r.kind === "owner") return "Owner";
  if (r.kind === "share") return `Shared: ${SHARE_LEVEL_LABELS[r.level]}`;
  if (r.kind === "emergency") return `Emergency access until ${formatDateTime(r.until)}`;
  return `Team: ${r.teamName}`;
}

const empty = (text: string) => <p className="text-sm text-slate-600">{text}</p>;

/** One kind of access: a heading, its lines (or what "none" means) and an optional note. */
function AccessSection({
  id,
  title,
  empty: none,
  children,
  after,
  listLabel = title,
  listClassName = "divide-y divide-slate-100 text-sm",
}: {
  id: string;
  title: string;
  empty: string;
  children: ReactNode[];
  after?: ReactNode;
  listLabel?: string;
  listClassName?: string;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h3 id={id} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {children.length ? (
        <ul className={listClassName} aria-label={listLabel}>
          {children}
        </ul>
      ) : (
        empty(none)
      )}
      {after}
    </section>
  );
}

export default async function ChartAccessPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<{ history?: string }>;
}) {
  const { actor, chart } = await loadChart(params, "access");
  const id = chart.client.id;
  const cursor = searchParam((await searchParams).history);
  const [access, history, practitioners] = await Promise.all([
    listChartAccess(actor, id),
    listChartHistory(actor, { clientId: id, cursor: cursor || undefined }),
    chart.abilities.manageAccess
      ? listPractitioners(actor)
      : Promise.resolve([]),
  ]);
  const onList = new Set(access.accessList.map((p) => p.userId));
  const clientName = `${chart.client.firstName} ${chart.client.lastName}`;

  return (
    <>
      <ChartHeader chart={chart} current="access" />
      <div className="space-y-6">
        <Card aria-labelledby="who-title">
          <CardHeader
            id="who-title"
            title="Who can see this chart"
            description="Everyone who can reach this client profile today, and why. Ending someone's access takes effect at their next request."
            actions={
              <a
                href={`/clients/${id}/access/record`}
                className={buttonClasses({ variant: "secondary", size: "sm" })}
                download
              >
                Download record of disclosures (PDF)
              </a>
            }
          />
          <CardBody className="space-y-8">
            <AccessSection
              id="list-title"
              title="Practitioners on the access list"
              empty="No practitioner is on this chart's access list."
              after={
                chart.abilities.manageAccess ? (
                  <details open className="rounded-md border border-slate-200 p-3">
                    <summary className="cursor-pointer text-sm font-medium text-teal-800">
                      Add or change practitioners
                    </summary>
                    <div className="mt-3">
                      <AccessForm
                        hint={ALREADY_SEE_EVERY_CHART}
                        clientId={id}
                        practitioners={practitioners.map((p) => ({
                          id: p.userId,
                          name: p.name,
                          hint: p.roleName,
                          checked: onList.has(p.userId),
                        }))}
                      />
                    </div>
                  </details>
                ) : null
              }
            >
              {access.accessList.map((p) => (
                <AccessLine
                  key={p.userId}
                  name={p.name}
                  end={p.canRemove && { fields: { kind: "access_list", clientId: id, userId: p.userId }, who: p.name, chart: clientName }}
                >
                  <Badge>{p.roleName}</Badge>
                  <span className="text-slate-600">On the list since {formatDate(p.since)}</span>
                  <AccessUntil expiresAt={p.until} />
                </AccessLine>
              ))}
            </AccessSection>

            <AccessSection
              id="role-title"
              title="Staff whose role sees every chart"
              empty="No role of this clinic sees every chart."
              after={
                <p className="text-xs text-slate-600">
                  Their access comes with their role; an administrator changes it in Settings → Members.
                </p>
              }
            >
              {access.everyChart.map((p) => (
                <AccessLine key={p.userId} name={p.name}>
                  <span className="text-slate-600">Role: {p.roleName}</span>
                </AccessLine>
              ))}
            </AccessSection>

            <AccessSection
              id="emergency-title"
              title="Emergency access (break the glass)"
              empty="Nobody is reading this chart through emergency access."
              after={
                access.emergency.length ? (
                  <p className="text-xs text-slate-600">View only, until the time shown or until an administrator ends it. Every chart they open is in the audit log, and an administrator reviews each use.</p>
                ) : null
              }
            >
              {access.emergency.map((p) => (
                <AccessLine key={p.userId} name={p.name}>
                  <Badge>{p.roleName}</Badge>
                  <Badge tone="warning">View only until {formatDateTime(p.until)}</Badge>
                </AccessLine>
              ))}
            </AccessSection>

            <AccessSection
              id="sessions-title"
              title="Colleagues who can open sessions about this client"
              empty="No session has this client as its patient profile."
              listLabel="Sessions about this client"
              listClassName="space-y-4"
            >
              {access.sessions.map((s) => (
                <li key={s.sessionId} className="rounded-md border border-slate-200 p-3 text-sm">
                  <p className="font-medium text-slate-900">
                    {s.title ? (
                      <Link href={`/sessions/${s.sessionId}`} className="text-teal-800 hover:underline">
                        {s.title}
                      </Link>
                    ) : (
                      "A session you cannot open"
                    )}
                  </p>
                  <ul className="mt-2 divide-y divide-slate-100" aria-label={`People with access to ${s.title ?? "this session"}`}>
                    {s.people.map((p) => (
                      <AccessLine
                        key={p.userId}
                        name={p.name}
                        end={p.canRemoveShare && { fields: { kind: "session_share", clientId: id, sessionId: s.sessionId, userId: p.userId }, who: p.name }}
                      >
                        <Badge>{p.roleName}</Badge>
                        <span className="text-slate-600">{p.reasons.map(reasonText).join(" · ")}</span>
                        {/* An owner's reason already says "Owner". */}
                        {p.level === "owner" ? null : <Badge tone="info">{SESSION_LEVEL_LABELS[p.level]}</Badge>}
                      </AccessLine>
                    ))}
                  </ul>
                </li>
              ))}
            </AccessSection>

            <AccessSection
              id="portal-title"
              title="Client portal logins"
              empty="No portal login has this profile."
            >
              {access.portalLogins.map((l) => (
                <AccessLine
                  key={l.portalAccountId}
                  name={l.name}
                  end={l.canRevoke && { fields: { kind: "portal_login", clientId: id, portalAccountId: l.portalAccountId }, who: l.name }}
                >
                  <span className="text-slate-600">{l.email}</span>
                  <Badge tone={l.status === "accepted" ? "success" : "info"}>{l.status === "accepted" ? "Signed up" : "Invitation sent"}</Badge>
                  <span className="text-slate-600">{l.canManage ? "Can manage information" : "Cannot manage information"}</span>
                  <AccessUntil expiresAt={l.until} />
                </AccessLine>
              ))}
            </AccessSection>

            <AccessSection
              id="external-title"
              title="External contacts holding a document"
              empty="No document of this chart is shared with an external contact."
            >
              {access.externalShares.map((s) => (
                <AccessLine
                  key={s.shareId}
                  name={s.contactOrganisation ? `${s.contactName}, ${s.contactOrganisation}` : s.contactName}
                  end={s.canRevoke && { fields: { kind: "external_share", clientId: id, shareId: s.shareId }, who: s.contactName }}
                >
                  <span className="text-slate-600">
                    {s.documentTitle ?? "A document"} ({s.documentKindLabel}), sent {formatDate(s.sentAt)}
                  </span>
                  <ShareStateBadge state={s.state} />
                </AccessLine>
              ))}
            </AccessSection>
          </CardBody>
        </Card>
        {chart.abilities.manageAccess && chart.practitioners.length > 0 ? (
          <Card>
            <CardHeader title="End dates" description="Access on the list can end by itself on a date. You are reminded 3 days before." />
            <CardBody>
              <ul className="divide-y divide-slate-100" aria-label="End dates">
                {chart.practitioners.map((p) => (
                  <li key={p.userId} className="space-y-2 py-3" aria-label={p.name}>
                    <p className="text-sm font-medium text-slate-900">
                      {p.name} <AccessUntil expiresAt={p.expiresAt} />
                    </p>
                    <AccessEndForm grant="client_access" ids={{ clientId: chart.client.id, userId: p.userId }} current={p.expiresAt} label={`${p.name}'s access ends`} />
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}

        <Card aria-labelledby="history-title">
          <CardHeader
            id="history-title"
            title="Access history"
            description="Who viewed, printed, downloaded or shared what, newest first, from the audit log."
          />
          <CardBody>
            {history.items.length ? (
              <Table>
                <caption className="sr-only">Access history</caption>
                <THead>
                  <Tr>
                    <Th>When</Th>
                    <Th>Who</Th>
                    <Th>What</Th>
                  </Tr>
                </THead>
                <TBody>
                  {history.items.map((h) => (
                    <Tr key={h.id}>
                      <Td className="whitespace-nowrap">
                        {formatDateTime(h.at)}
                      </Td>
                      <Td label="Who">
                        <div className="font-medium">{h.who.name}</div>
                        <div className="text-slate-600">
                          {h.who.roleName ??
                            (h.who.kind === "contact"
                              ? "External contact"
                              : h.who.kind === "client"
                                ? "Client portal"
                                : "")}
                        </div>
                      </Td>
                      <Td label="What">
                        {[h.did, h.documentTitle, h.other]
                          .filter(Boolean)
                          .join(" ")}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            ) : (
              empty(cursor ? "No older events." : "Nothing recorded yet.")
            )}
            <CursorPagination
              prevHref={cursor ? `/clients/${id}/access` : null}
              nextHref={
                history.nextCursor
                  ? `/clients/${id}/access?history=${history.nextCursor}`
                  : null
              }
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
