"use client";

import { useEffect, useRef, useState } from "react";
import { ActionForm, FormField, FormSubmit, useActionFormState } from "@/components/forms/action-form";
import { Input, Textarea } from "@/components/ui/field";
import { sendReplyAction } from "./actions";

/** lib/replies/file-type.ts MAX_REPLY_BYTES (server-only neighbours): a hint here, the server checks again. */
const MAX_BYTES = 10 * 1024 * 1024;

export function ReplyForm({ shareId, senderName }: { shareId: string; senderName: string }) {
  return (
    <ActionForm action={sendReplyAction} aria-label="Send a document back" successMessage={`Sent. ${senderName} will find it in Carebridge.`}>
      <input type="hidden" name="shareId" value={shareId} />
      <FileField />
      <FormField name="note" label="Note (optional)" hint="What it is, or anything the clinic should know. Up to 2,000 characters.">
        <Textarea id="note" name="note" rows={4} maxLength={2000} />
      </FormField>
      <FormSubmit pendingLabel="Sending…">Send</FormSubmit>
      <ClearOnSuccess />
    </ActionForm>
  );
}

function FileField() {
  const [tooLarge, setTooLarge] = useState(false);
  return (
    <div className="space-y-1.5">
      <FormField name="file" label="File" hint="PDF, PNG or JPEG, up to 10 MB.">
        <Input
          id="file"
          name="file"
          type="file"
          required
          accept="application/pdf,.pdf,image/png,.png,image/jpeg,.jpg,.jpeg"
          aria-invalid={tooLarge || undefined}
          aria-describedby={tooLarge ? "file-hint file-size-error" : undefined}
          onChange={(e) => {
            const over = (e.currentTarget.files?.[0]?.size ?? 0) > MAX_BYTES;
            // Not sent at all: the request would be larger than the server accepts.
            if (over) e.currentTarget.value = "";
            setTooLarge(over);
          }}
        />
      </FormField>
      {tooLarge && (
        <p id="file-size-error" role="alert" className="text-sm font-medium text-red-700">
          This file is larger than 10 MB. Send a smaller file (a scan at a lower resolution, or fewer pages).
        </p>
      )}
    </div>
  );
}

/** After a send, empty the form, so pressing Send again does not send the same file twice. */
function ClearOnSuccess() {
  const { state } = useActionFormState();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.closest("form")?.reset();
  }, [state.ok, state.savedAt]);
  return <span ref={ref} hidden />;
}
