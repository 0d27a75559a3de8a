import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { AccessEndForm } from "@/components/access/access-end-form";
import { AccessUntil } from "@/components/access/access-until";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { findLinkCandidates, getPortalTab } from "@/lib/clients/get-portal-tab";
import { INTAKE_STATUS_LABELS } from "@/lib/clients/intake-fields";
import { RELATIONSHIP_LABELS } from "@/lib/clients/schemas";
import { formatDate, formatDateTime } from "../../format";
import { ChartHeader } from "../chart-header";
import { chartMetadata, loadChart } from "../load-chart";
import { AddContactForms, InviteForm, RemoveLinkForm, RevokeForm, SendFormForm } from "./portal-forms";
import { searchParam } from "@/lib/validation/text";

export async function generateMetadata({ params }: { params: Promise<{ clientId: string }> }): Promise<Metadata> {
  return chartMetadata(params, "Portal");
}

const STATE = { invited: { label: "Invitation sent", tone: "info" }, accepted: { label: "Accepted", tone: "success" }, revoked: { label: "Revoked", tone: "neutral" } } as const;

export default async function PortalTabPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ add?: string; find?: string; linked?: string }> }) {
  const { actor, chart } = await loadChart(params, "portal");
  const { add, find, linked } = await searchParams;
  const id = chart.client.id;
  const tab = await getPortalTab(actor, id);
  const adding = chart.abilities.linkContact && (add === "1" || find !== undefined);
  const query = searchParam(find);
  const candidates = adding && query ? await findLinkCandidates(actor, { clientId: id, q: query }) : [];
  const inviteOptions = [
    ...(chart.client.email ? [{ value: "profile", label: `${chart.client.firstName} ${chart.client.lastName} (this profile, ${chart.client.email})` }] : []),
    // The address the invitation goes to is shown before it is sent.
    ...tab.contacts.flatMap((c) => (c.email ? [{ value: c.linkId, label: `${c.name} (${RELATIONSHIP_LABELS[c.relationship]}, ${c.email})` }] : [])),
  ];
  return (
    <>
      <ChartHeader chart={chart} current="portal" />
      {linked ? <Alert tone="success" className="mb-4">The contact was added.</Alert> : null}
      <div className="space-y-6">
        <Card aria-labelledby="contacts-title">
          <CardHeader
            id="contacts-title"
            title="Contacts"
            description="People who may use the portal for this profile."
            actions={
              chart.abilities.linkContact && !adding ? (
                <Link href={`/clients/${id}/portal?add=1`} aria-label="Add contact" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  +
                </Link>
              ) : null
            }
          />
          <CardBody className="space-y-4">
            {tab.contacts.length ? (
              <ul className="divide-y divide-slate-100 text-sm" aria-label="Contacts">
                {tab.contacts.map((c) => (
                  <li key={c.linkId} className="flex flex-wrap items-center gap-2 py-2">
                    <span className="font-medium text-slate-900">{c.name}</span>
                    <Badge>{RELATIONSHIP_LABELS[c.relationship]}</Badge>
                    {c.kind === "client" ? <Badge tone="info">Client profile</Badge> : <Badge>Contact</Badge>}
                    {c.canManage ? <span className="text-slate-600">Can manage information</span> : null}
                    {chart.abilities.unlinkContact ? (
                      <span className="ml-auto">
                        <RemoveLinkForm clientId={id} linkId={c.linkId} name={c.name} relationship={RELATIONSHIP_LABELS[c.relationship]} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No contacts yet.</p>
            )}
            {adding ? <AddContactForms clientId={id} find={query} candidates={candidates.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}${c.dateOfBirth ? `, born ${formatDate(c.dateOfBirth)}` : ""}${c.email ? `, ${c.email}` : ""}` }))} /> : null}
          </CardBody>
        </Card>

        <Card aria-labelledby="invite-title">
          <CardHeader id="invite-title" title="Portal access" description="One portal login can manage several profiles. The invitation email lets the person set a password, or accept with the one they already have; the link works once and lasts 24 hours. Someone who already uses this clinic's portal gets the profile at once, and an email saying so." />
          <CardBody className="space-y-4">
            {chart.abilities.invitePortal ? (
              inviteOptions.length ? (
                <InviteForm clientId={id} options={inviteOptions} />
              ) : (
                <p className="text-sm text-slate-600">To invite someone, this profile or one of its contacts needs an email address.</p>
              )
            ) : (
              <p className="text-sm text-slate-600">
                Portal access is set up by an administrator.{chart.abilities.sendForm ? " You can still send this profile intake forms below." : ""}
              </p>
            )}
            {tab.invitations.length ? (
              <Table>
                <caption className="sr-only">Portal invitations</caption>
                <THead>
                  <Tr>
                    <Th>Login</Th>
                    <Th>State</Th>
                    <Th>Can manage</Th>
                    <Th>Invited</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </Tr>
                </THead>
                <TBody>
                  {tab.invitations.map((inv) => (
                    <Tr key={inv.portalAccountId}>
                      <Td>
                        <div className="font-medium">{inv.name}</div>
                        <div className="text-slate-500">{inv.email}</div>
                      </Td>
                      <Td label="State">
                        <Badge tone={STATE[inv.status].tone}>{STATE[inv.status].label}</Badge>{" "}
                        {inv.status !== "revoked" ? <AccessUntil expiresAt={inv.expiresAt} /> : null}
                      </Td>
                      <Td label="Can manage">{inv.canManage ? "Yes" : "No"}</Td>
                      <Td label="Invited">{formatDateTime(inv.invitedAt)}</Td>
                      <Td className="text-right">
                        {chart.abilities.invitePortal && inv.status !== "revoked" ? (
                          <div className="space-y-2 text-left">
                            <RevokeForm clientId={id} portalAccountId={inv.portalAccountId} name={inv.name} />
                            <AccessEndForm grant="portal_profile" ids={{ clientId: id, portalAccountId: inv.portalAccountId }} current={inv.expiresAt} label={`${inv.name || inv.email}'s portal access ends`} />
                          </div>
                        ) : null}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            ) : (
              <p className="text-sm text-slate-600">Nobody has been invited to the portal for this profile yet.</p>
            )}
          </CardBody>
        </Card>

        <Card aria-labelledby="forms-title">
          <CardHeader id="forms-title" title="Intake forms" description="Forms go to this profile only; the answers attach to this chart." />
          <CardBody className="space-y-4">
            {chart.abilities.sendForm ? <SendFormForm clientId={id} forms={tab.forms} /> : null}
            {tab.requests.length ? (
              <Table>
                <caption className="sr-only">Forms sent</caption>
                <THead>
                  <Tr>
                    <Th>Form</Th>
                    <Th>Status</Th>
                    <Th>Sent by</Th>
                    <Th>Sent</Th>
                    <Th>
                      <span className="sr-only">Answers</span>
                    </Th>
                  </Tr>
                </THead>
                <TBody>
                  {tab.requests.map((r) => (
                    <Tr key={r.id}>
                      <Td className="font-medium">{r.formName}</Td>
                      <Td label="Status">
                        <Badge tone={r.status === "submitted" ? "success" : "info"}>{INTAKE_STATUS_LABELS[r.status]}</Badge>
                      </Td>
                      <Td label="Sent by">{r.sentByName}</Td>
                      <Td label="Sent">{formatDateTime(r.sentAt)}</Td>
                      <Td className="text-right">
                        {r.status === "submitted" && chart.abilities.readForm ? (
                          <Link className="font-medium text-teal-800 hover:underline" href={`/clients/${id}/forms/${r.id}`}>
                            View answers<span className="sr-only"> to {r.formName}</span>
                          </Link>
                        ) : null}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            ) : (
              <p className="text-sm text-slate-600">No forms sent yet.</p>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
