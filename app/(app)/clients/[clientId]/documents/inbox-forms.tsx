"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input, Select } from "@/components/ui/field";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/access/documents";
import { discardReplyAction, fileReplyAction } from "./actions";

/** File a reply as a document of a kind: the kind and title, then File. */
export function FileReplyForm({ replyId, kinds, defaultTitle }: { replyId: string; kinds: DocumentKind[]; defaultTitle: string }) {
  return (
    <ActionForm action={fileReplyAction} aria-label={`File ${defaultTitle}`} layout="own" className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
      <input type="hidden" name="replyId" value={replyId} />
      <FormField name="kind" label="File as" id={`kind-${replyId}`}>
        <Select id={`kind-${replyId}`} name="kind" defaultValue="" options={kinds.map((k) => ({ id: k, name: DOCUMENT_KIND_LABELS[k] }))}>
          <option value="" disabled>
            Choose a kind
          </option>
        </Select>
      </FormField>
      <FormField name="title" label="Title" id={`title-${replyId}`}>
        <Input id={`title-${replyId}`} name="title" defaultValue={defaultTitle} maxLength={200} />
      </FormField>
      <FormSubmit pendingLabel="Filing…">File</FormSubmit>
    </ActionForm>
  );
}

export function DiscardReplyForm({ replyId, filename, contactName }: { replyId: string; filename: string; contactName: string }) {
  return (
    <ActionForm action={discardReplyAction} aria-label={`Discard ${filename}`} layout="own" className="space-y-2">
      <input type="hidden" name="replyId" value={replyId} />
      <ConfirmButton
        variant="secondary"
        title="Discard this document?"
        description={`${filename} from ${contactName} is deleted and leaves the Inbox. This can't be undone; the audit log keeps a record that it came in.`}
        confirmLabel="Discard"
        pendingLabel="Discarding…"
      >
        Discard<span className="sr-only"> {filename}</span>
      </ConfirmButton>
    </ActionForm>
  );
}
