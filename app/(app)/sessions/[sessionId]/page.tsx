import type { Metadata } from "next";
import { EmergencyAccessBanner } from "@/components/access/emergency-access-banner";
import { recordMetadata } from "@/lib/records/record-metadata";
import { formatDate, formatDateTime } from "@/components/sessions/session-badges";
import { Alert } from "@/components/ui/alert";
import { AccessUntil } from "@/components/access/access-until";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SESSION_LEVEL_LABELS } from "@/lib/access/sessions";
import { requireStaffWith } from "@/lib/access/require-area";
import { getSession } from "@/lib/sessions/get-session";
import { AddDocumentForm, RemoveDocumentForm } from "./session-forms";
import { SessionEditor } from "./session-editor";
import { SessionMoreMenu } from "./session-more-menu";
import { SessionProperties } from "./session-properties";
import { ShareDialog } from "./share-dialog";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";

// The tab's title, read on its own and not audited: Next also runs this for a link's
// metadata-only prefetch, which is the browser's guess and no view. The page audits the view.
export async function generateMetadata({ params }: { params: Promise<{ sessionId: string }> }): Promise<Metadata> {
  return recordMetadata("session", (await params).sessionId);
}

/**
 * One session: its properties in the header (saved as they change), notes and context saved as
 * you type, documents beside them. `?share=1` opens the share dialog (for links and screenshots).
 */
export default async function SessionPage({ params, searchParams }: { params: Promise<{ sessionId: string }>; searchParams: Promise<{ share?: string | string[] }> }) {
  const actor = await requireStaffWith("sessions:view");
  const sessionId = idOrNotFound((await params).sessionId);
  // Read fresh on every request (never cached): a changed or removed share counts at once.
  const session = await orNotFound(getSession(actor, sessionId), ["not_found"]);
  const can = session.abilities;
  // The patient picker searches as you type (searchPatientChoicesAction): no list of clients here.
  const myTeams = can.setVisibility ? session.myTeams : [];
  const teams = session.team && !myTeams.some((t) => t.id === session.team!.id) ? [session.team, ...myTeams] : myTeams;
  const editable = can.editNotes || can.editContext;
  const openShare = (await searchParams).share === "1";

  return (
    <>
      <EmergencyAccessBanner until={session.emergencyUntil} what="session" />
      <PageHeader
        className="mb-4"
        eyebrow={
          <ButtonLink href="/sessions" variant="ghost" size="sm">
            ← Sessions
          </ButtonLink>
        }
        title={session.title}
        description={
          <>
            Owned by {session.owner.name} · created {formatDate(session.createdAt)} · updated {formatDateTime(session.updatedAt)} ·{" "}
            <span className="whitespace-nowrap">
              Your access: <Badge>{SESSION_LEVEL_LABELS[can.level]}</Badge>{" "}
              <AccessUntil expiresAt={session.people.find((p) => p.userId === actor.userId)?.expiresAt} />
            </span>
          </>
        }
        actions={
          <>
            <ShareDialog
              sessionId={session.id}
              sessionTitle={session.title}
              owner={session.owner}
              teamName={session.visibility === "team" ? (session.team?.name ?? null) : null}
              people={session.people}
              canShare={can.share}
              canManage={can.manageAccess}
              viewerId={actor.userId}
              initiallyOpen={openShare}
            />
            {can.delete && <SessionMoreMenu sessionId={session.id} title={session.title} />}
          </>
        }
      />
      <section aria-label="Properties" className="mb-6 rounded-lg border border-slate-200 bg-white px-4 py-3">
        <SessionProperties
          sessionId={session.id}
          initial={{
            status: session.status,
            patient: session.patient ? { id: session.patient.id, name: session.patient.name } : null,
            visibility: session.visibility,
            teamId: session.team?.id ?? null,
          }}
          teams={teams}
          can={{ changeStatus: can.changeStatus, changePatient: can.changePatient, setVisibility: can.setVisibility }}
        />
      </section>
      {!editable && (
        <Alert tone="info" className="mb-4">
          You have view-only access to this session. Ask the owner or someone with Full access if you need to edit it.
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Session" description={editable ? "Saved as you type." : undefined} />
          <CardBody>
            <SessionEditor sessionId={session.id} notes={session.notes} context={session.context} version={session.version} editable={editable} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Documents" description="Documents of this session, filed on the patient's chart." />
          <CardBody className="space-y-4">
            {session.documents.length === 0 ? (
              <p className="text-sm text-slate-600">No documents yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {session.documents.map((d) => (
                  <li key={d.id} className="space-y-2 py-3 first:pt-0">
                    <details>
                      <summary className="cursor-pointer text-sm">
                        <span className="font-medium text-slate-900">{d.title}</span>{" "}
                        <span className="text-slate-600">
                          · {d.authorName} · {formatDate(d.createdAt)}
                        </span>
                      </summary>
                      {d.body && <p className="mt-2 text-sm whitespace-pre-wrap text-slate-700">{d.body}</p>}
                    </details>
                    {can.editDocuments && <RemoveDocumentForm sessionId={session.id} documentId={d.id} title={d.title} />}
                  </li>
                ))}
              </ul>
            )}
            {can.editDocuments &&
              (session.patient ? (
                <div className="border-t border-slate-100 pt-4">
                  <AddDocumentForm sessionId={session.id} />
                </div>
              ) : (
                <p className="text-sm text-slate-600">Choose the client first (in the properties above): documents are filed on the client&apos;s chart.</p>
              ))}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
