"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { SessionStatusBadge, VISIBILITY_HINT, VISIBILITY_LABELS } from "@/components/sessions/session-badges";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input, Select, Textarea } from "@/components/ui/field";
import { SESSION_STATUS_LABELS, SESSION_STATUSES, type SessionStatus } from "@/lib/sessions/schemas";
import {
  addSessionDocumentAction,
  deleteSessionAction,
  removeSessionDocumentAction,
  setSessionPatientAction,
  setSessionVisibilityAction,
  updateSessionAction,
} from "./actions";

type Option = { id: string; name: string };

/**
 * Notes, status and context. The form stays mounted when the viewer's access drops to View
 * (the page re-renders read-only after a refused save), so the refusal message stays on screen.
 */
export function SessionEditor({
  sessionId,
  notes,
  context,
  status,
  editable,
}: {
  sessionId: string;
  notes: string;
  context: string;
  status: SessionStatus;
  editable: boolean;
}) {
  return (
    <ActionForm action={updateSessionAction} successMessage="Saved." aria-label="Session">
      <input type="hidden" name="sessionId" value={sessionId} />
      {editable ? (
        <>
          <FormField name="status" label="Status">
            <Select id="status" name="status" defaultValue={status}>
              {SESSION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {SESSION_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField name="notes" label="Notes">
            <Textarea id="notes" name="notes" rows={10} defaultValue={notes} />
          </FormField>
          <FormField name="context" label="Context" hint="Background for this session: referral, history, goals.">
            <Textarea id="context" name="context" rows={4} defaultValue={context} />
          </FormField>
          <FormSubmit>Save</FormSubmit>
        </>
      ) : (
        <dl className="space-y-4 text-sm">
          <div>
            <dt className="font-medium text-slate-800">Status</dt>
            <dd className="mt-1">
              <SessionStatusBadge status={status} />
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-800">Notes</dt>
            <dd className="mt-1 whitespace-pre-wrap text-slate-800" data-testid="session-notes">
              {notes || <span className="text-slate-600">No notes yet.</span>}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-800">Context</dt>
            <dd className="mt-1 whitespace-pre-wrap text-slate-800">{context || <span className="text-slate-600">No context yet.</span>}</dd>
          </div>
        </dl>
      )}
    </ActionForm>
  );
}

export function PatientForm({ sessionId, current, choices }: { sessionId: string; current: Option | null; choices: Option[] }) {
  const options = current && !choices.some((c) => c.id === current.id) ? [current, ...choices] : choices;
  return (
    <ActionForm action={setSessionPatientAction} successMessage="Patient profile saved." aria-label="Patient profile">
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormField name="clientId" label="Client">
        <Select id="clientId" name="clientId" defaultValue={current?.id ?? ""} options={options}>
          <option value="">No patient</option>
        </Select>
      </FormField>
      <FormSubmit variant="secondary">Save patient</FormSubmit>
    </ActionForm>
  );
}

export function VisibilityForm({ sessionId, visibility, teamId, teams }: { sessionId: string; visibility: "private" | "team"; teamId: string | null; teams: Option[] }) {
  return (
    <ActionForm action={setSessionVisibilityAction} successMessage="Visibility saved." aria-label="Visibility">
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormField name="visibility" label="Who can see it" hint={VISIBILITY_HINT}>
        <Select id="visibility" name="visibility" defaultValue={visibility}>
          <option value="private">{VISIBILITY_LABELS.private}</option>
          <option value="team">{VISIBILITY_LABELS.team}</option>
        </Select>
      </FormField>
      <FormField name="teamId" label="Team">
        <Select id="teamId" name="teamId" defaultValue={teamId ?? ""} options={teams}>
          <option value="">No team</option>
        </Select>
      </FormField>
      <FormSubmit variant="secondary">Save visibility</FormSubmit>
    </ActionForm>
  );
}

export function AddDocumentForm({ sessionId }: { sessionId: string }) {
  return (
    <ActionForm action={addSessionDocumentAction} idempotent successMessage="Document added." aria-label="Add a document">
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormField name="title" label="Document title">
        <Input id="title" name="title" placeholder="e.g. Session summary" />
      </FormField>
      <FormField name="body" label="Text">
        <Textarea id="body" name="body" rows={4} />
      </FormField>
      <FormSubmit variant="secondary" pendingLabel="Adding…">
        Add document
      </FormSubmit>
    </ActionForm>
  );
}

export function RemoveDocumentForm({ sessionId, documentId, title }: { sessionId: string; documentId: string; title: string }) {
  return (
    <ActionForm action={removeSessionDocumentAction} aria-label={`Remove ${title} from the session`} className="space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="documentId" value={documentId} />
      <FormSubmit variant="secondary" pendingLabel="Removing…">
        Remove from session
      </FormSubmit>
    </ActionForm>
  );
}

export function DeleteSessionForm({ sessionId, title }: { sessionId: string; title: string }) {
  return (
    <ActionForm action={deleteSessionAction} aria-label="Delete session">
      <input type="hidden" name="sessionId" value={sessionId} />
      {/* Wrapped so the form's spacing never offsets the button in the header row. */}
      <div>
        <ConfirmButton
          variant="secondary"
          title={`Delete “${title}”?`}
          description="Only you, the owner, can delete it. It disappears for everyone it is shared with and for your team. This cannot be undone in the app."
          confirmLabel="Delete session"
          pendingLabel="Deleting…"
        >
          Delete
        </ConfirmButton>
      </div>
    </ActionForm>
  );
}
