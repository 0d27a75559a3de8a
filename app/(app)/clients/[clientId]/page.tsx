import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { DocumentShares } from "@/components/documents/document-shares";
import { SessionStatusBadge } from "@/components/sessions/session-badges";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DOCUMENT_KIND_LABELS } from "@/lib/access/documents";
import { getChartOverview } from "@/lib/clients/get-chart-overview";
import { RELATIONSHIP_LABELS } from "@/lib/clients/schemas";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { ChartHeader } from "./chart-header";
import { chartMetadata, loadChart } from "./load-chart";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params);
}

const PORTAL_STATE = { invited: { label: "Invitation sent", tone: "info" }, accepted: { label: "Can sign in", tone: "success" }, revoked: { label: "Access revoked", tone: "neutral" } } as const;
const FORM_STATE = { sent: "Not started", draft: "Started", submitted: "Submitted" } as const;

const linkClass = "font-medium text-teal-800 underline-offset-2 hover:underline";

/** One panel of the overview: a heading, a link to its tab, and either its rows or what to do next. */
function Panel({ id, title, tabHref, tabLabel, children, className }: { id: string; title: string; tabHref?: string; tabLabel?: string; children: ReactNode; className?: string }) {
  return (
    <Card aria-labelledby={id} className={className}>
      <CardHeader id={id} title={title} actions={tabHref ? <Link className={`${linkClass} text-sm`} href={tabHref}>{tabLabel}</Link> : null} />
      <CardBody>{children}</CardBody>
    </Card>
  );
}

/** An empty panel says what is missing and what to do about it, with the action when the viewer may take it. */
function NextStep({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="space-y-3 text-sm text-slate-600">
      <p>{children}</p>
      {action}
    </div>
  );
}

export default async function ClientOverviewPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ created?: string; separate?: string; updated?: string }> }) {
  const { actor, chart } = await loadChart(params, "overview");
  const overview = await getChartOverview(actor, chart.client.id);
  const { created, separate, updated } = await searchParams;
  const c = chart.client;
  const base = `/clients/${c.id}`;
  const { sessions, documents, forms, portal, contacts } = overview;
  return (
    <>
      <ChartHeader chart={chart} current="overview" />
      {created ? <Alert tone="success" className="mb-4">The client was created.</Alert> : null}
      {updated ? <Alert tone="success" className="mb-4">The details were saved.</Alert> : null}
      {separate ? (
        <Alert tone="success" className="mb-4" title="Separate profile created">
          This is a new chart for the same person, linked as Self, with its own access list. Invite the person to the portal from the Portal tab if they don&apos;t have a login yet.
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {sessions ? (
          <Panel id="overview-sessions" title="Sessions" tabHref={`${base}/sessions`} tabLabel={sessions.total ? `All sessions (${sessions.total})` : "Sessions tab"}>
            {sessions.total === 0 ? (
              <NextStep action={overview.can.newSession ? <ButtonLink href="/sessions/new" size="sm">New session</ButtonLink> : null}>
                No sessions about {c.firstName} that you can open. Start one, or ask the colleague who owns one to share it with you.
              </NextStep>
            ) : (
              <>
                <h3 className="mb-2 text-sm font-semibold text-slate-700">Open</h3>
                {sessions.open.length ? (
                  <ul className="mb-4 divide-y divide-slate-100 text-sm" aria-label="Open sessions">
                    {sessions.open.map((s) => (
                      <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <Link className={linkClass} href={`/sessions/${s.id}`}>{s.title}</Link>
                        <span className="flex items-center gap-2 text-slate-600">
                          <SessionStatusBadge status={s.status} />
                          {s.ownerName}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mb-4 text-sm text-slate-600">Every session you can open is completed.</p>
                )}
                <h3 className="mb-2 text-sm font-semibold text-slate-700">Recent</h3>
                <ul className="divide-y divide-slate-100 text-sm" aria-label="Recent sessions">
                  {sessions.recent.map((s) => (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <Link className={linkClass} href={`/sessions/${s.id}`}>{s.title}</Link>
                      <span className="text-slate-600">{formatDate(s.createdAt)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Panel>
        ) : null}

        <Panel id="overview-documents" title="Latest documents" tabHref={`${base}/documents`} tabLabel={documents.total ? "All documents" : "Documents tab"}>
          {documents.total === 0 ? (
            <NextStep action={overview.can.newDocument ? <ButtonLink href={`/documents/new?clientId=${c.id}`} size="sm">New document</ButtonLink> : null}>
              No documents for {c.firstName} yet. Letters, prescriptions, lab results and invoices you write for this client are listed here, with who they were shared with.
            </NextStep>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label="Latest documents">
              {documents.latest.map((d) => (
                <li key={d.id} className="py-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link className={linkClass} href={`/documents/${d.id}`}>{d.title}</Link>
                    <span className="text-slate-600">
                      {DOCUMENT_KIND_LABELS[d.kind]} · {formatDate(d.createdAt)}
                    </span>
                  </div>
                  <div className="mt-1">
                    <DocumentShares title={d.title} shares={d.shares} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel id="overview-forms" title="Forms" tabHref={`${base}/portal`} tabLabel="Portal tab">
          {forms.toComplete.length === 0 && forms.submitted.length === 0 ? (
            <NextStep>
              No forms sent yet. {chart.abilities.sendForm ? "Send an intake or consent form from the Portal tab; the client completes it in their portal." : "Forms are sent from the Portal tab."}
            </NextStep>
          ) : (
            <>
              <h3 className="mb-2 text-sm font-semibold text-slate-700">Still to complete</h3>
              {forms.toComplete.length ? (
                <ul className="mb-4 divide-y divide-slate-100 text-sm" aria-label="Forms still to complete">
                  {forms.toComplete.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span className="font-medium text-slate-900">{r.formName}</span>
                      <span className="text-slate-600">
                        {FORM_STATE[r.status]} · sent {formatDate(r.sentAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mb-4 text-sm text-slate-600">Nothing waiting: every form sent has been completed.</p>
              )}
              {forms.submitted.length ? (
                <>
                  <h3 className="mb-2 text-sm font-semibold text-slate-700">Completed</h3>
                  <ul className="divide-y divide-slate-100 text-sm" aria-label="Completed forms">
                    {forms.submitted.map((r) => (
                      <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        {chart.abilities.readForm ? <Link className={linkClass} href={`${base}/forms/${r.id}`}>{r.formName}</Link> : <span>{r.formName}</span>}
                        <span className="text-slate-600">{r.submittedAt ? `Submitted ${formatDate(r.submittedAt)}` : null}</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
        </Panel>

        <Panel id="overview-portal" title="Client portal" tabHref={`${base}/portal`} tabLabel="Portal tab">
          {portal.length === 0 ? (
            <NextStep>
              Nobody can sign in to the portal for this chart yet.{" "}
              {chart.abilities.invitePortal ? "Invite the client (or a parent or guardian) from the Portal tab so they can complete forms online." : "An administrator can invite the client from the Portal tab."}
            </NextStep>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label="Portal logins">
              {portal.map((p) => (
                <li key={p.email} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium text-slate-900">{p.name || p.email}</span>
                    <span className="block text-slate-600">{p.status === "accepted" ? (p.lastSignInAt ? `Last signed in ${formatDateTime(p.lastSignInAt)}` : "Has not signed in yet") : p.email}</span>
                  </span>
                  <Badge tone={PORTAL_STATE[p.status].tone}>{PORTAL_STATE[p.status].label}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel id="overview-people" title="Linked profiles and contacts" tabHref={`${base}/portal`} tabLabel="Portal tab">
          {chart.linkedProfiles.length === 0 && contacts.length === 0 ? (
            <NextStep>
              No linked profiles or contacts. {chart.abilities.linkContact ? "Link a parent, guardian or partner from the Portal tab." : null}
              {chart.abilities.createProfile ? " A separate profile for the same person is made from the chart's “…” menu." : null}
            </NextStep>
          ) : (
            <>
              {chart.linkedProfiles.length > 0 ? (
                <ul className="space-y-2 text-sm" aria-label="Linked profiles">
                  {chart.linkedProfiles.map((p, i) => (
                    <li key={p.visible ? p.id : `hidden-${i}`}>
                      <span className="font-medium">{RELATIONSHIP_LABELS[p.relationship]}</span>
                      {" — "}
                      {p.visible ? (
                        <Link className={linkClass} href={`/clients/${p.id}`}>
                          {p.name}
                        </Link>
                      ) : (
                        <span className="text-slate-600">a linked profile you don&apos;t have access to</span>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
              {contacts.length > 0 ? (
                <ul className="mt-2 space-y-2 text-sm" aria-label="Contacts of this client">
                  {contacts.map((l) => (
                    <li key={l.linkId}>
                      <span className="font-medium">{RELATIONSHIP_LABELS[l.relationship]}</span> — {l.name}
                      {l.canManage ? <span className="text-slate-600"> · can manage information</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </Panel>

        <Panel id="overview-practitioners" title="Assigned practitioners" tabHref={chart.abilities.manageAccess ? `${base}/access` : undefined} tabLabel="Manage access">
          {chart.practitioners.length ? (
            <ul className="space-y-1 text-sm" aria-label="Assigned practitioners">
              {chart.practitioners.map((p) => (
                <li key={p.userId}>{p.name}</li>
              ))}
            </ul>
          ) : (
            <NextStep action={chart.abilities.manageAccess ? <ButtonLink href={`${base}/access`} size="sm">Assign a practitioner</ButtonLink> : null}>
              No practitioner has been given access yet. {chart.abilities.manageAccess ? "Clinicians see this chart once they are on its access list." : "An administrator assigns practitioners."}
            </NextStep>
          )}
        </Panel>

        <Card aria-labelledby="overview-details" className="lg:col-span-2">
          <CardHeader
            id="overview-details"
            title="Details"
            actions={chart.abilities.edit ? <Link className={`${linkClass} text-sm`} href={`${base}/edit`}>Edit details</Link> : null}
          />
          <CardBody>
            <dl className="grid grid-cols-1 gap-y-1 text-sm sm:grid-cols-[10rem_1fr] sm:gap-y-2">
              <dt className="text-slate-600">Name</dt>
              <dd>{c.firstName} {c.lastName}</dd>
              <dt className="text-slate-600">Date of birth</dt>
              <dd>{c.dateOfBirth ? formatDate(c.dateOfBirth) : "Not recorded"}</dd>
              <dt className="text-slate-600">Email</dt>
              <dd>{c.email ?? "Not recorded"}</dd>
              <dt className="text-slate-600">Phone</dt>
              <dd>{c.phone ?? "Not recorded"}</dd>
              <dt className="text-slate-600">Address</dt>
              <dd className="whitespace-pre-line">{c.address ?? "Not recorded"}</dd>
              <dt className="text-slate-600">Chart created</dt>
              <dd>{formatDate(c.createdAt)}</dd>
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
