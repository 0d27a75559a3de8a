"use client";

import { startTransition, useActionState, useCallback, useEffect, useId, useRef, useState } from "react";
import { ActionForm, FormSubmit } from "@/components/forms/action-form";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { AccessEndDateField } from "@/components/access/access-end-date-field";
import { AccessEndForm } from "@/components/access/access-end-form";
import { AccessUntil } from "@/components/access/access-until";
import { ColleagueCombobox, type ColleagueOption } from "@/components/sessions/colleague-combobox";
import { formatDate } from "@/components/sessions/session-badges";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Select, Textarea } from "@/components/ui/field";
import { SHARE_LEVEL_HINTS, SHARE_LEVEL_LABELS, SHARE_LEVELS, type ShareLevel } from "@/lib/access/sessions";
import type { FormState } from "@/lib/actions/form-state";
import { ERROR_MESSAGES } from "@/lib/errors";
import type { SessionPerson } from "@/lib/sessions/get-session";
import { changeShareLevelAction, removeShareAction, searchColleaguesAction, shareSessionAction } from "./actions";

export interface ShareDialogProps {
  sessionId: string;
  sessionTitle: string;
  owner: { name: string; email: string };
  /** The team whose members may view (team visibility), if any. */
  teamName: string | null;
  people: SessionPerson[];
  canShare: boolean;
  canManage: boolean;
}

/**
 * The Share button (top right of the session) and its dialog: share with a colleague, and who has
 * access. People who may neither share nor manage access (View and Edit holders, team viewers) get
 * a secondary "People with access" button that opens the same dialog as a read-only list.
 */
export function ShareDialog(props: ShareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const comboboxId = useId();
  const readOnly = !props.canShare && !props.canManage;

  function open() {
    dialogRef.current?.showModal();
    const first = props.canShare ? document.getElementById(comboboxId) : closeRef.current;
    first?.focus();
  }

  return (
    <>
      {readOnly ? (
        <Button variant="secondary" onClick={open} aria-haspopup="dialog">
          People with access
        </Button>
      ) : (
        <Button onClick={open} aria-haspopup="dialog">
          Share
        </Button>
      )}
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/30"
        onClick={(e) => {
          if (e.target === e.currentTarget) dialogRef.current?.close();
        }}
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
          <h2 id={titleId} className="text-base font-semibold">
            {readOnly ? "People with access to" : "Share"} “{props.sessionTitle}”
          </h2>
          <Button ref={closeRef} variant="ghost" size="sm" onClick={() => dialogRef.current?.close()}>
            Close
          </Button>
        </div>
        <div className="max-h-[75vh] space-y-6 overflow-y-auto px-5 py-4">
          {props.canShare && <ShareForm sessionId={props.sessionId} comboboxId={comboboxId} />}
          <PeopleWithAccess {...props} />
        </div>
      </dialog>
    </>
  );
}

function ShareForm({ sessionId, comboboxId }: { sessionId: string; comboboxId: string }) {
  const [state, formAction, pending] = useActionState(shareSessionAction, {});
  // Who the last submitted share was for, so the one success message names them.
  const chosen = useRef<string | null>(null);
  const [submittedName, setSubmittedName] = useState<string | null>(null);
  const savedAt = state.ok ? state.savedAt : undefined;
  useEffect(() => {
    // Ready for the next person: the fields were reset (remounted); put the cursor back in the search.
    if (savedAt) document.getElementById(comboboxId)?.focus();
  }, [savedAt, comboboxId]);
  return (
    <form
      aria-label="Share with a colleague"
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setSubmittedName(chosen.current);
        startTransition(() => formAction(data));
      }}
    >
      {state.error && state.error !== "invalid_input" && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {ERROR_MESSAGES[state.error]}
        </p>
      )}
      {/* Exactly one success message, for the latest share (a fresh key re-announces it). */}
      {state.ok && (
        <p role="status" key={`done-${state.savedAt}`} className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Done{submittedName ? `: shared with ${submittedName}` : ""}. They have been notified in the app and by email.
        </p>
      )}
      <input type="hidden" name="sessionId" value={sessionId} />
      <IdempotencyKeyField resetOn={savedAt} />
      {/* Remounted after each success, so the next share starts empty. */}
      <ShareFields
        key={`fields-${savedAt ?? 0}`}
        sessionId={sessionId}
        comboboxId={comboboxId}
        state={state}
        pending={pending}
        onPersonChange={(name) => {
          chosen.current = name;
        }}
      />
    </form>
  );
}

function ShareFields({
  sessionId,
  comboboxId,
  state,
  pending,
  onPersonChange,
}: {
  sessionId: string;
  comboboxId: string;
  state: FormState;
  pending: boolean;
  onPersonChange: (name: string | null) => void;
}) {
  const [person, setPerson] = useState<ColleagueOption | null>(null);
  useEffect(() => onPersonChange(person?.name ?? null), [person, onPersonChange]);
  const [level, setLevel] = useState<ShareLevel>("view");
  const errors = state.fieldErrors ?? {};

  const search = useCallback(
    async (q: string) => {
      const data = new FormData();
      data.set("sessionId", sessionId);
      data.set("q", q);
      const result = await searchColleaguesAction(null, data);
      return result.ok ? result.data : null;
    },
    [sessionId],
  );

  const allowed = person?.levels ?? SHARE_LEVELS;
  return (
    <>
      <Field label="Colleague" htmlFor={comboboxId} error={errors.userId} hint={person ? undefined : "Anyone active in your organisation, on any team."}>
        {person ? (
          <div className="flex items-center justify-between gap-3 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2">
            <div className="min-w-0 text-sm">
              <p className="font-medium text-slate-900">{person.name}</p>
              <p className="truncate text-slate-600">{person.email}</p>
              {person.currentAccess && (
                <p className="text-slate-600">Already has {SHARE_LEVEL_LABELS[person.currentAccess]}: confirming changes their level.</p>
              )}
            </div>
            <input type="hidden" name="userId" value={person.userId} />
            <Button
              id={comboboxId}
              variant="secondary"
              size="sm"
              onClick={() => {
                setPerson(null);
                setTimeout(() => document.getElementById(comboboxId)?.focus());
              }}
            >
              Change
            </Button>
          </div>
        ) : (
          <ColleagueCombobox
            id={comboboxId}
            search={search}
            invalid={Boolean(errors.userId)}
            onSelect={(c) => {
              setPerson(c);
              setLevel(c.currentAccess && c.levels.includes(c.currentAccess) ? c.currentAccess : c.levels[0] ?? "view");
            }}
          />
        )}
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Access level</legend>
        {SHARE_LEVELS.map((l) => {
          const disabled = !allowed.includes(l);
          return (
            <label key={l} className={`flex items-start gap-2.5 rounded-lg border px-3 py-2 text-sm ${level === l ? "border-teal-600 bg-teal-50/50" : "border-slate-200"} ${disabled ? "opacity-50" : ""}`}>
              <input
                type="radio"
                name="access"
                value={l}
                checked={level === l}
                disabled={disabled}
                onChange={() => setLevel(l)}
                aria-labelledby={`${comboboxId}-${l}-label`}
                aria-describedby={`${comboboxId}-${l}-hint`}
                className="mt-0.5 size-4 accent-teal-700"
              />
              <span>
                <span id={`${comboboxId}-${l}-label`} className="block font-medium text-slate-900">
                  {SHARE_LEVEL_LABELS[l]}
                </span>
                <span id={`${comboboxId}-${l}-hint`} className="block text-slate-600">
                  {SHARE_LEVEL_HINTS[l]}
                  {disabled ? " Their role does not allow it." : ""}
                </span>
              </span>
            </label>
          );
        })}
        {errors.access && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {errors.access}
          </p>
        )}
      </fieldset>
      <AccessEndDateField id={`${comboboxId}-ends`} error={errors.endsOn} />
      <Field label="Message" htmlFor={`${comboboxId}-message`} optional error={errors.message} hint="Included in the email.">
        <Textarea id={`${comboboxId}-message`} name="message" rows={2} maxLength={1000} />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Sharing…" : "Confirm"}
        </Button>
      </div>
    </>
  );
}

function PeopleWithAccess({ sessionId, owner, teamName, people, canManage }: ShareDialogProps) {
  return (
    <section aria-labelledby={`${sessionId}-people`}>
      <h3 id={`${sessionId}-people`} className="mb-2 text-sm font-semibold text-slate-900">
        People with access
      </h3>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        <li className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
          <span className="min-w-0">
            <span className="block font-medium text-slate-900">{owner.name}</span>
            <span className="block truncate text-slate-600">{owner.email}</span>
          </span>
          <Badge tone="success">Owner</Badge>
        </li>
        {teamName && (
          <li className="px-3 py-2 text-sm text-slate-700">
            Everyone in <span className="font-medium">{teamName}</span> can view this session (team visibility).
          </li>
        )}
        {people.map((p) => (
          <li key={p.userId} className="space-y-2 px-3 py-2 text-sm" aria-label={p.name}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{p.name}</span>
                <span className="block truncate text-slate-600">{p.email}</span>
                <span className="block text-slate-600">
                  Shared by {p.sharedByName} on {formatDate(p.sharedAt)}
                </span>
              </span>
              <AccessUntil expiresAt={p.expiresAt} />
              {!canManage && (
                <Badge>
                  {SHARE_LEVEL_LABELS[p.access]}
                  {p.effectiveAccess !== p.access && p.effectiveAccess ? ` (role allows ${SHARE_LEVEL_LABELS[p.effectiveAccess]})` : ""}
                </Badge>
              )}
            </div>
            {canManage && (
              <div className="flex flex-wrap items-start gap-2">
                <ActionForm action={changeShareLevelAction} aria-label={`Change access for ${p.name}`} className="flex flex-wrap items-start gap-2 space-y-0">
                  <input type="hidden" name="sessionId" value={sessionId} />
                  <input type="hidden" name="userId" value={p.userId} />
                  <label className="sr-only" htmlFor={`${sessionId}-${p.userId}-level`}>
                    Access for {p.name}
                  </label>
                  <Select id={`${sessionId}-${p.userId}-level`} name="access" defaultValue={p.access} className="w-36">
                    {SHARE_LEVELS.map((l) => (
                      <option key={l} value={l} disabled={!p.levels.includes(l)}>
                        {SHARE_LEVEL_LABELS[l]}
                      </option>
                    ))}
                  </Select>
                  <FormSubmit variant="secondary" pendingLabel="Updating…">
                    Update
                  </FormSubmit>
                </ActionForm>
                <ActionForm action={removeShareAction} aria-label={`Remove ${p.name}`} className="space-y-0">
                  <input type="hidden" name="sessionId" value={sessionId} />
                  <input type="hidden" name="userId" value={p.userId} />
                  <ConfirmButton
                    title={`Remove ${p.name}'s access?`}
                    description="They will no longer be able to open this session. They are not emailed about it."
                    confirmLabel="Remove access"
                    pendingLabel="Removing…"
                  >
                    Remove
                  </ConfirmButton>
                </ActionForm>
                <div className="w-full">
                  <AccessEndForm grant="session_share" ids={{ sessionId, userId: p.userId }} current={p.expiresAt} label={`${p.name}'s access ends`} />
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {people.length === 0 && !teamName && <p className="mt-2 text-sm text-slate-600">Only the owner has access.</p>}
      {!canManage && <p className="mt-2 text-sm text-slate-500">Only the owner and people with Full access can change who has access.</p>}
    </section>
  );
}
