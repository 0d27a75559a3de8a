import type { Metadata } from "next";
import { recordMetadata } from "@/lib/records/record-metadata";
import { formatDate, formatDateTime, VisibilityBadge } from "@/components/sessions/session-badges";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SESSION_LEVEL_LABELS } from "@/lib/access/sessions";
import { requireStaffWith } from "@/lib/access/require-area";
import { getSession } from "@/lib/sessions/get-session";
import { listMyTeams } from "@/lib/sessions/list-my-teams";
import { listPatientChoices } from "@/lib/sessions/patient-choices";
import { AddDocumentForm, DeleteSessionForm, PatientForm, RemoveDocumentForm, SessionEditor, VisibilityForm } from "./session-forms";
import { ShareDialog } from "./share-dialog";
import { idOrNotFound, orNotFound } from "@/lib/access/or-not-found";

// The title is clinical: keep it out of the browser tab and history.
export async function generateMetadata({ params }: { params: Promise<{ sessionId: string }> }): Promise<Metadata> {
  return recordMetadata("session", (await params).sessionId);
}

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const actor = await requireStaffWith("sessions:view");
  const sessionId = idOrNotFound((await params).sessionId);
  // Read fresh on every request (never cached): a changed or removed share counts at once.
  const session = await orNotFound(getSession(actor, sessionId), ["not_found"]);
  const can = session.abilities;
  const [patientChoices, myTeams] = await Promise.all([
    can.changePatient ? listPatientChoices(actor) : [],
    can.setVisibility ? listMyTeams(actor) : [],
  ]);
  const teams = session.team && !myTeams.some((t) => t.id === session.team!.id) ? [session.team, ...myTeams] : myTeams;
  const editable = can.editNotes || can.editContext || can.changeStatus;

  return (
    <>
      <PageHeader
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
              Your access: <Badge>{SESSION_LEVEL_LABELS[can.level]}</Badge>
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
            />
            {can.delete && <DeleteSessionForm sessionId={session.id} title={session.title} />}
          </>
        }
      />
      {!editable && (
        <Alert tone="info" className="mb-4">
          You have view-only access to this session. Ask the owner or someone with Full access if you need to edit it.
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Session" />
            <CardBody>
              <SessionEditor sessionId={session.id} notes={session.notes} context={session.context} status={session.status} editable={editable} />
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
                          <span className="text-slate-500">
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
                  <p className="text-sm text-slate-600">Choose the patient profile first: documents are filed on the client&apos;s chart.</p>
                ))}
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Patient profile" />
            <CardBody className="space-y-4">
              {session.patient ? (
                <div className="text-sm">
                  <p className="font-medium text-slate-900">{session.patient.name}</p>
                  {session.patient.dateOfBirth && <p className="text-slate-600">Born {formatDate(new Date(session.patient.dateOfBirth))}</p>}
                </div>
              ) : (
                <p className="text-sm text-slate-600">No patient profile yet.</p>
              )}
              {can.changePatient && <PatientForm sessionId={session.id} current={session.patient} choices={patientChoices} />}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Visibility" />
            <CardBody className="space-y-4">
              <p className="text-sm text-slate-700">
                <VisibilityBadge visibility={session.visibility} teamName={session.team?.name} />{" "}
                {session.visibility === "team" ? "Team members can view it." : "Only the owner and the people it is shared with."}
              </p>
              {can.setVisibility && <VisibilityForm sessionId={session.id} visibility={session.visibility} teamId={session.team?.id ?? null} teams={teams} />}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
