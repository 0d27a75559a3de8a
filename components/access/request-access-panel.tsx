"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useState } from "react";
import { ActionForm, FormSubmit, useActionFormState } from "@/components/forms/action-form";
import { Field, Textarea } from "@/components/ui/field";
import { answerLevelLabel } from "@/lib/access-requests/labels";
import { formatClinicDate } from "@/lib/access-ends/end-date";
import { pendingAccessRequestAction, requestAccessAction, type RequestOptions } from "@/app/(app)/access-requests/actions";

/**
 * *Request access* on the no-access page of a session or chart. The id comes from the address; the
 * server re-checks everything and answers the same whether or not the record exists, so this
 * panel never shows anything about the record itself.
 */
export function RequestAccessPanel() {
  const match = /^\/(sessions|clients)\/([0-9a-f-]{36})(?:\/|$)/i.exec(usePathname() ?? "");
  const targetType = match?.[1] === "sessions" ? "clinical_session" : "client";
  const targetId = match?.[2];
  const [options, setOptions] = useState<RequestOptions | null | undefined>(undefined);
  const setPending = useCallback((pending: RequestOptions["pending"]) => setOptions((o) => o && { ...o, pending }), []);

  useEffect(() => {
    if (!targetId) return;
    const data = new FormData();
    data.set("targetType", targetType);
    data.set("targetId", targetId);
    pendingAccessRequestAction(null, data).then((r) => setOptions(r.ok ? r.data : null));
  }, [targetType, targetId]);

  if (!targetId) return null;
  // A role that could never be given this kind of record is told so instead of offered a request it would be refused.
  if (options && !options.mayRequest) {
    return (
      <p className="mx-auto mt-8 max-w-md text-sm text-slate-600">
        Your role can&apos;t be given access to {targetType === "clinical_session" ? "sessions" : "client charts"}, so there is nothing to request here. If your work needs it, ask an
        admin about your role.
      </p>
    );
  }
  return (
    <section aria-labelledby="request-access-title" className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-5 text-left">
      <h2 id="request-access-title" className="text-base font-semibold text-slate-900">
        Request access
      </h2>
      {options === undefined ? (
        <p className="mt-2 text-sm text-slate-600" role="status">
          Checking for an earlier request…
        </p>
      ) : options?.pending ? (
        <PendingNote pending={options.pending} />
      ) : (
        <ActionForm action={requestAccessAction} aria-label="Request access" className="mt-3">
          <input type="hidden" name="targetType" value={targetType} />
          <input type="hidden" name="targetId" value={targetId} />
          <RequestFields kind={targetType} levels={options?.levels ?? ["view", "edit"]} onSent={setPending} />
        </ActionForm>
      )}
    </section>
  );
}

function PendingNote({ pending }: { pending: { requestedAt: string; level: string | null } }) {
  return (
    <p className="mt-2 rounded-md border border-teal-200 bg-teal-50 px-3 py-2 text-sm text-teal-900" role="status">
      Request sent on {formatClinicDate(new Date(pending.requestedAt))}
      {pending.level ? ` (${answerLevelLabel(pending.level)})` : ""}. You will be told in the app and by email when it is answered. A request nobody answers expires after 14 days: one for a record that was deleted is never answered.
    </p>
  );
}

function RequestFields({
  kind,
  levels,
  onSent,
}: {
  kind: "clinical_session" | "client";
  levels: ("view" | "edit")[];
  onSent: (p: { requestedAt: string; level: string | null }) => void;
}) {
  const { state } = useActionFormState();
  const id = useId();
  const [level, setLevel] = useState<string>(levels[0] ?? "view");
  const savedAt = state.ok ? state.savedAt : undefined;
  useEffect(() => {
    if (savedAt) onSent({ requestedAt: new Date(savedAt).toISOString(), level: kind === "clinical_session" ? level : null });
  }, [savedAt, kind, level, onSent]);
  return (
    <>
      {kind === "clinical_session" ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Access you need</legend>
          {levels.map((l) => (
            <label key={l} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="level" value={l} checked={level === l} onChange={() => setLevel(l)} className="size-4 accent-teal-700" />
              {answerLevelLabel(l)}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="text-sm text-slate-600">An admin can add you to this chart&apos;s access list.</p>
      )}
      <Field label="Message" htmlFor={`${id}-message`} optional hint="Why you need access. Sent with the request.">
        <Textarea id={`${id}-message`} name="message" rows={3} maxLength={1000} />
      </Field>
      <FormSubmit pendingLabel="Sending…">Request access</FormSubmit>
    </>
  );
}
