import type { Metadata } from "next";
import { recordMetadata } from "@/lib/records/record-metadata";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentView } from "@/components/documents/document-view";
import { PrintButton } from "@/components/documents/print-button";
import { ShareStateBadge } from "@/components/access/share-state-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { AREA_LABELS } from "@/lib/access/permissions";
import { can } from "@/lib/access/can";
import { requireStaff } from "@/lib/auth/staff-actor";
import { getDocument } from "@/lib/documents/get-document";
import { SECURITY_LEVEL_SHORT } from "@/lib/portal/security-level";
import { ShareActions, ShareButton } from "./share-panel";
import { ResendUnopened } from "./resend-unopened";
import { orNotFound } from "@/lib/access/or-not-found";
import { parseShareSelection } from "@/lib/documents/share-selection";
import { isUuid } from "@/lib/validation/ids";
import { formatDateOrDash } from "@/lib/format/dates";

export async function generateMetadata({ params }: { params: Promise<{ documentId: string }> }): Promise<Metadata> {
  return recordMetadata("document", (await params).documentId);
}

export default async function DocumentPage({ params, searchParams }: { params: Promise<{ documentId: string }>; searchParams: Promise<{ resend?: string | string[]; resent?: string | string[]; share?: string | string[] }> }) {
  const actor = await requireStaff();
  const { documentId } = await params;
  const { resend, resent, share: shareWith } = await searchParams;
  if (!isUuid(documentId)) notFound();
  const data = await orNotFound(getDocument(actor, documentId));
  const { model, share, shares } = data;
  // From the "did not open" notification: offered while that share's link is expired unopened.
  const unopened = share.allowed ? shares.find((s) => s.id === resend && s.state === "expired" && !s.firstOpenedAt) : undefined;
  const resentTo = shares.find((s) => s.id === resent);
  // Documents chosen together on the chart (lib/documents/share-selection.ts): the dialog opens with
  // those of them it offers already added.
  const chosen = parseShareSelection(shareWith);
  const openWith = chosen && chosen.filter((id) => share.moreDocuments.some((d) => d.id === id));
  const explanation = share.blockers.map((b) =>
    b.reason === "sharing_off"
      ? "Document sharing is turned off for your organisation. An admin can turn it on in Settings → Sharing."
      : b.reason === "emergency_view_only"
        ? "You're reading this client's chart through emergency access, which is view only: its documents can't be shared. Ask someone on the chart's access list to share it."
        : `Your role needs edit permission for ${b.areas.map((a) => AREA_LABELS[a]).join(", ")} to share this ${model.kindLabel.toLowerCase()}. Ask an admin to change your role.`,
  );

  return (
    <div className="space-y-6">
      <div data-print="hide" className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">
            <Link href="/documents" className="hover:underline">
              Documents
            </Link>{" "}
            · <Badge>{model.kindLabel}</Badge>
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{model.title}</h1>
          <p className="text-sm text-slate-600">For {model.client.name}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {data.canEdit && (
            <ButtonLink href={`/documents/${model.id}/edit`} variant="secondary">
              Edit
            </ButtonLink>
          )}
          <PrintButton />
          <a href={`/documents/${model.id}/pdf`} className={buttonClasses({ variant: "secondary" })} download>
            Download PDF
          </a>
          {model.file && (
            <a href={`/documents/${model.id}/file`} className={buttonClasses({ variant: "secondary" })} download>
              {model.received ? "Received file" : "Uploaded PDF"}
            </a>
          )}
          <ShareButton
            documentId={model.id}
            allowed={share.allowed}
            explanation={explanation}
            settingsHref={share.blockers.some((b) => b.reason === "sharing_off") && can(actor, "settings:edit") ? "/settings/sharing" : null}
            canAddContact={can(actor, "contacts:edit")}
            securityLevel={share.securityLevel}
            moreDocuments={share.moreDocuments}
            openWith={openWith}
          />
        </div>
      </div>

      {resentTo && (
        <Alert tone="success" className="print:hidden">
          Sent again to {resentTo.contactName}, with a new link. It is listed under &ldquo;Shared with contacts&rdquo; below.
        </Alert>
      )}
      {unopened && !resentTo && <ResendUnopened shareId={unopened.id} contactName={unopened.contactName} />}

      <DocumentView model={model} />

      <Card data-print="hide" aria-labelledby="shares-heading">
        <CardHeader id="shares-heading" title="Shared with contacts" description="Each link expires if it isn't opened within 24 hours. Resend makes a new link and stops the old one." />
        {shares.length === 0 ? (
          <div className="p-5">
            <EmptyState title="Not shared yet" description="Use Share at the top right to send this document to a GP, an insurer or another clinic." />
          </div>
        ) : (
          <Table wrapperClassName="rounded-none border-0">
            <THead>
              <Tr>
                <Th>Contact</Th>
                <Th>State</Th>
                <Th>Sent</Th>
                <Th>Opened</Th>
                <Th>Downloaded</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {shares.map((s) => (
                <Tr key={s.id} data-testid="share-row">
                  <Td>
                    <span className="font-medium">{s.contactName}</span>
                    {s.contactOrganisation && <span className="block text-xs text-slate-500">{s.contactOrganisation}</span>}
                    <span className="block text-xs text-slate-600" data-testid="share-purpose">
                      {s.purpose}
                    </span>
                    {s.documentCount > 1 && (
                      <span className="block text-xs text-slate-600" data-testid="share-document-count">
                        {s.documentCount} documents in one link
                      </span>
                    )}
                    <span className="block text-xs text-slate-500">
                      by {s.sharedByName} · {SECURITY_LEVEL_SHORT[s.securityLevel]}
                    </span>
                  </Td>
                  <Td label="State">
                    {s.paused ? <Badge tone="warning">Paused — sharing is off</Badge> : <ShareStateBadge state={s.state} />}
                    {s.linkEmail === "not_delivered" && (
                      <span className="mt-1 block text-xs font-medium text-red-700" data-testid="share-email-state">
                        Email not delivered. Check the contact&rsquo;s email address, then Resend.
                      </span>
                    )}
                    {s.linkEmail === "retrying" && (
                      <span className="mt-1 block text-xs text-amber-800" data-testid="share-email-state">
                        Email delayed: retrying
                      </span>
                    )}
                  </Td>
                  <Td label="Sent" className="whitespace-nowrap">{formatDateOrDash(s.sentAt, true)}</Td>
                  <Td label="Opened" className="whitespace-nowrap">{formatDateOrDash(s.firstOpenedAt, true)}</Td>
                  <Td label="Downloaded" className="whitespace-nowrap">{formatDateOrDash(s.downloadedAt, true)}</Td>
                  <Td>
                    <ShareActions shareId={s.id} contactName={s.contactName} canResend={s.canResend} canRevoke={s.canRevoke} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
