"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Input, Textarea } from "@/components/ui/field";
import { addSessionDocumentAction, removeSessionDocumentAction } from "./actions";

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
    <ActionForm action={removeSessionDocumentAction} aria-label={`Remove ${title} from the session`} layout="own" className="space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="documentId" value={documentId} />
      <FormSubmit variant="secondary" pendingLabel="Removing…">
        Remove from session
      </FormSubmit>
    </ActionForm>
  );
}
