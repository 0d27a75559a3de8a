"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { AccessEndDateField } from "@/components/access/access-end-date-field";
import { AccessEndForm } from "@/components/access/access-end-form";
import { AccessUntil } from "@/components/access/access-until";
import { ColleagueCombobox, type ColleagueOption } from "@/components/sessions/colleague-combobox";
import { formatDate } from "@/components/sessions/session-badges";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label, Select, Textarea } from "@/components/ui/field";
import { MenuButton } from "@/components/ui/menu-button";
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
  /** The person looking: their own line is shown, not changed (nobody changes their own access). */
  viewerId: string;
  /** Open on first render (the screenshot script's `?share=1`). */
  initiallyOpen?: boolean;
}

/** "Dr Leo Chen", "Dr Leo Chen and Dr Nina Okafor", "A, B and C". */
function namesOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The Share button (top right of the session) and its dialog, on Google Drive's pattern: add one or
 * several colleagues (chips) at one level, then *Share*; below, the people with access, owner
 * first, each with their level in a menu (View / Edit / Full access / Remove). People who may
 * neither share nor manage access get a "People with access" button opening the same list, read
 * only. Closing the dialog forgets whatever was half-chosen.
 */
export function ShareDialog(props: ShareDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const comboboxId = useId();
  const [openCount, setOpenCount] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const readOnly = !props.canShare && !props.canManage;
  // People chosen or a message typed, not yet shared: closing asks before dropping them.
  const unsent = useRef(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const discardRef = useRef<HTMLButtonElement>(null);
  const onUnsentChange = useCallback((value: boolean) => {
    unsent.current = value;
  }, []);

  function requestClose() {
    if (!unsent.current) return dialogRef.current?.close();
    setConfirmDiscard(true);
    requestAnimationFrame(() => discardRef.current?.focus());
  }

  const open = useCallback(() => {
    dialogRef.current?.showModal();
    const first = props.canShare ? document.getElementById(comboboxId) : closeRef.current;
    first?.focus();
  }, [props.canShare, comboboxId]);

  useEffect(() => {
    if (props.initiallyOpen) open();
  }, [props.initiallyOpen, open]);

  return (
    <>
      {readOnly ? (
        <Button ref={triggerRef} variant="secondary" onClick={open} aria-haspopup="dialog">
          People with access
        </Button>
      ) : (
        <Button ref={triggerRef} onClick={open} aria-haspopup="dialog">
          Share
        </Button>
      )}
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(36rem,calc(100vw-1rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/30"
        onClick={(e) => {
          if (e.target === e.currentTarget) requestClose();
        }}
        onCancel={(e) => {
          // Escape: the same question as Close when something is not yet shared.
          if (!unsent.current) return;
          e.preventDefault();
          requestClose();
        }}
        onClose={() => {
          // A fresh start next time: no chips, level or message left over.
          unsent.current = false;
          setConfirmDiscard(false);
          setOpenCount((n) => n + 1);
          setAnnouncement("");
          // Back where the person started (also when it was opened by a link, ?share=1).
          triggerRef.current?.focus();
        }}
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
          <h2 id={titleId} className="text-base font-semibold">
            {readOnly ? "People with access to" : "Share"} “{props.sessionTitle}”
          </h2>
          <Button ref={closeRef} variant="ghost" size="sm" onClick={requestClose}>
            Close
          </Button>
        </div>
        {confirmDiscard ? (
          <div role="alertdialog" aria-label="Discard what is not shared yet?" className="flex flex-wrap items-center gap-3 border-b border-amber-200 bg-amber-50 px-5 py-3 text-sm text-amber-900">
            <span className="mr-auto">Close without sharing? The people you chose and your message will be lost.</span>
            <Button
              ref={discardRef}
              variant="secondary"
              size="sm"
              onClick={() => {
                unsent.current = false;
                dialogRef.current?.close();
              }}
            >
              Discard
            </Button>
            <Button
              size="sm"
              onClick={() => {
                setConfirmDiscard(false);
                document.getElementById(comboboxId)?.focus();
              }}
            >
              Keep editing
            </Button>
          </div>
        ) : null}
        <div className="max-h-[80vh] space-y-6 overflow-y-auto px-5 py-4">
          {props.canShare && (
            <AddPeople
              key={openCount}
              sessionId={props.sessionId}
              comboboxId={comboboxId}
              onShared={setAnnouncement}
              onUnsentChange={onUnsentChange}
            />
          )}
          <p role="status" className={announcement ? "rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" : "sr-only"}>
            {announcement}
          </p>
          <PeopleWithAccess {...props} comboboxId={comboboxId} onChanged={setAnnouncement} />
        </div>
      </dialog>
    </>
  );
}

function AddPeople({
  sessionId,
  comboboxId,
  onShared,
  onUnsentChange,
}: {
  sessionId: string;
  comboboxId: string;
  onShared: (message: string) => void;
  onUnsentChange: (unsent: boolean) => void;
}) {
  const hintId = `${comboboxId}-hint`;
  const [state, setState] = useState<FormState>({});
  const [pending, setPending] = useState(false);
  const [savedAt, setSavedAt] = useState<number>();
  const [chosen, setChosen] = useState<ColleagueOption[]>([]);
  const [level, setLevel] = useState<ShareLevel>("view");
  const [message, setMessage] = useState("");
  useEffect(() => onUnsentChange(chosen.length > 0 || message.trim() !== ""), [chosen, message, onUnsentChange]);

  async function submit(data: FormData) {
    const names = chosen.map((c) => c.name);
    setPending(true);
    const result = await shareSessionAction({}, data).catch((): FormState => ({ error: "unexpected" }));
    setPending(false);
    setState(result);
    if (!result.ok) return;
    // Shared: announce it, start again empty, and put the cursor back in the search.
    setSavedAt(result.savedAt);
    onShared(`Shared with ${namesOf(names)}. They have been notified in the app and by email.`);
    setChosen([]);
    setMessage("");
    setLevel("view");
    document.getElementById(comboboxId)?.focus();
  }

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

  // The level menu offers what every chosen person's role allows.
  const allowed = SHARE_LEVELS.filter((l) => chosen.every((c) => c.levels.includes(l)));
  const focusSearch = () => document.getElementById(comboboxId)?.focus();
  const errors = state.fieldErrors ?? {};
  const fieldError = (field: "userIds" | "access") => (errors[field] === "" && state.error ? ERROR_MESSAGES[state.error] : errors[field]);

  return (
    <form
      aria-label="Add people"
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length === 0) return focusSearch();
        if (!pending) void submit(new FormData(event.currentTarget));
      }}
    >
      <input type="hidden" name="sessionId" value={sessionId} />
      <IdempotencyKeyField resetOn={savedAt} />
      {chosen.map((c) => (
        <input key={c.userId} type="hidden" name="userIds" value={c.userId} />
      ))}
      {state.error && !errors.userIds && !errors.access && state.error !== "invalid_input" && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {ERROR_MESSAGES[state.error]}
        </p>
      )}
      <div className="space-y-1.5">
        <Label htmlFor={comboboxId}>Add people</Label>
        {chosen.length > 0 && (
          <ul aria-label="Chosen colleagues" className="flex flex-wrap gap-2">
            {chosen.map((c) => (
              <li key={c.userId} className="inline-flex items-center gap-1 rounded-full border border-teal-200 bg-teal-50 py-0.5 pr-0.5 pl-3 text-sm text-teal-900">
                <span>
                  {c.name}
                  {c.currentAccess && <span className="text-teal-800"> (has {SHARE_LEVEL_LABELS[c.currentAccess]})</span>}
                </span>
                <button
                  type="button"
                  aria-label={`Remove ${c.name} from the list`}
                  className="inline-flex size-7 items-center justify-center rounded-full text-teal-900 hover:bg-teal-100 focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none"
                  onClick={() => {
                    setChosen((list) => list.filter((x) => x.userId !== c.userId));
                    focusSearch();
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <ColleagueCombobox
          id={comboboxId}
          search={search}
          exclude={chosen.map((c) => c.userId)}
          describedBy={[hintId, fieldError("userIds") ? `${comboboxId}-error` : null].filter(Boolean).join(" ")}
          invalid={Boolean(fieldError("userIds"))}
          onSelect={(c) => {
            setChosen((list) => [...list, c]);
            // Keep the level within what everyone chosen may hold.
            setLevel((l) => (c.levels.includes(l) ? l : (c.levels.at(-1) ?? "view")));
          }}
        />
        <p id={hintId} className="text-sm text-slate-600">
          Anyone active in your organisation, on any team. Add several people to share with them at once.
        </p>
        {fieldError("userIds") && (
          <p id={`${comboboxId}-error`} role="alert" className="text-sm font-medium text-red-700">
            {fieldError("userIds")}
          </p>
        )}
      </div>
      {chosen.length > 0 && (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <div className="space-y-1.5">
              <Label htmlFor={`${comboboxId}-level`}>Access level</Label>
              <Select
                id={`${comboboxId}-level`}
                name="access"
                value={level}
                onChange={(e) => setLevel(e.target.value as ShareLevel)}
                aria-describedby={`${comboboxId}-level-hint`}
                className="w-40"
              >
                {SHARE_LEVELS.map((l) => (
                  <option key={l} value={l} disabled={!allowed.includes(l)}>
                    {SHARE_LEVEL_LABELS[l]}
                    {allowed.includes(l) ? "" : " (their role doesn't allow it)"}
                  </option>
                ))}
              </Select>
            </div>
            <AccessEndDateField id={`${comboboxId}-ends`} error={errors.endsOn} />
          </div>
          {/* Named, so it reads as the level's help and not the end date's beside it. */}
          <p id={`${comboboxId}-level-hint`} className="text-sm text-slate-600">
            <span className="font-medium text-slate-800">{SHARE_LEVEL_LABELS[level]}:</span> {SHARE_LEVEL_HINTS[level]}
          </p>
          {fieldError("access") && (
            <p role="alert" className="text-sm font-medium text-red-700">
              {fieldError("access")}
            </p>
          )}
          <div className="space-y-1.5">
            <Label htmlFor={`${comboboxId}-message`} optional>
              Message
            </Label>
            <Textarea
              id={`${comboboxId}-message`}
              name="message"
              rows={2}
              maxLength={1000}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              aria-describedby={`${comboboxId}-message-hint`}
            />
            <p id={`${comboboxId}-message-hint`} className="text-sm text-slate-600">
              Included in the email.
            </p>
          </div>
          <div className="flex justify-end gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                setChosen([]);
                setMessage("");
                focusSearch();
              }}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={pending} aria-disabled={pending}>
              {pending ? "Sharing…" : "Share"}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

/** Runs a share-management action outside a form; the page re-renders with the new list on success. */
async function run(action: (prev: FormState, data: FormData) => Promise<FormState>, fields: Record<string, string>): Promise<FormState> {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return action({}, data).catch(() => ({ error: "unexpected" as const }));
}

function PeopleWithAccess({
  sessionId,
  owner,
  teamName,
  people,
  canManage,
  viewerId,
  comboboxId,
  onChanged,
}: ShareDialogProps & { comboboxId: string; onChanged: (message: string) => void }) {
  const headingId = `${comboboxId}-people`;
  const listRef = useRef<HTMLUListElement>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  // The person whose end date is being set or moved (the 3-day warning's *Extend* lands here).
  const [endingFor, setEndingFor] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Focus the index-th person's level menu (after a removal: the next one, or the last, or the search). */
  function focusMenu(index: number, removedUserId?: string) {
    requestAnimationFrame(() => {
      // The removed row may still be on screen until the refreshed list arrives: skip it.
      const rows = [...(listRef.current?.querySelectorAll<HTMLLIElement>("li[data-user-id]") ?? [])].filter((li) => li.dataset.userId !== removedUserId);
      const menus = rows.map((li) => li.querySelector<HTMLButtonElement>("button[aria-haspopup=menu]")).filter((b) => b !== null);
      const next = menus[Math.min(index, menus.length - 1)];
      (next ?? document.getElementById(comboboxId) ?? listRef.current)?.focus();
    });
  }

  async function changeLevel(p: SessionPerson, access: ShareLevel) {
    if (access === p.access) return;
    setBusy(p.userId);
    setError(null);
    const state = await run(changeShareLevelAction, { sessionId, userId: p.userId, access });
    setBusy(null);
    if (state.ok) onChanged(`${p.name} now has ${SHARE_LEVEL_LABELS[access]}.`);
    else setError(state.error ? ERROR_MESSAGES[state.error] : ERROR_MESSAGES.unexpected);
  }

  async function remove(p: SessionPerson, index: number) {
    setBusy(p.userId);
    setError(null);
    const state = await run(removeShareAction, { sessionId, userId: p.userId });
    setBusy(null);
    setRemoving(null);
    if (state.ok) {
      onChanged(`${p.name} no longer has access.`);
      focusMenu(index, p.userId);
    } else setError(state.error ? ERROR_MESSAGES[state.error] : ERROR_MESSAGES.unexpected);
  }

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 text-sm font-semibold text-slate-900">
        People with access
      </h3>
      {error && (
        <p role="alert" className="mb-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <ul ref={listRef} tabIndex={-1} className="divide-y divide-slate-100 rounded-lg border border-slate-200 focus:outline-none">
        <li className="flex items-center justify-between gap-3 px-3 py-2 text-sm" aria-label={owner.name}>
          <span className="min-w-0">
            <span className="block font-medium text-slate-900">{owner.name}</span>
            <span className="block truncate text-slate-600">{owner.email}</span>
          </span>
          <span className="shrink-0 px-3 text-slate-700">Owner</span>
        </li>
        {teamName && (
          <li className="px-3 py-2 text-sm text-slate-700">
            Everyone in <span className="font-medium">{teamName}</span> can view this session (team visibility).
          </li>
        )}
        {people.map((p, index) => (
          <li key={p.userId} data-user-id={p.userId} className="space-y-2 px-3 py-2 text-sm" aria-label={p.name} aria-busy={busy === p.userId || undefined}>
            <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{p.name}</span>
                <span className="block truncate text-slate-600">{p.email}</span>
                <span className="block text-slate-600">
                  Shared by {p.sharedByName} on {formatDate(p.sharedAt)}
                  {p.levelChangedByName ? `, level changed by ${p.levelChangedByName}` : ""}
                  {p.expiresAt ? (
                    <>
                      {" · "}
                      <AccessUntil expiresAt={p.expiresAt} />
                    </>
                  ) : null}
                </span>
              </span>
              {canManage && p.userId !== viewerId ? (
                <MenuButton
                  label={`Access for ${p.name}: ${SHARE_LEVEL_LABELS[p.access]}`}
                  variant="ghost"
                  items={[
                    ...SHARE_LEVELS.map((l) => ({
                      kind: "radio" as const,
                      label: SHARE_LEVEL_LABELS[l],
                      hint: p.levels.includes(l) ? undefined : "Their role doesn't allow it.",
                      checked: p.access === l,
                      disabled: !p.levels.includes(l),
                      onSelect: () => void changeLevel(p, l),
                    })),
                    { kind: "separator" as const },
                    { kind: "item" as const, label: p.expiresAt ? "Change end date" : "Set an end date", onSelect: () => setEndingFor(p.userId) },
                    { kind: "item" as const, label: "Remove access", tone: "danger" as const, onSelect: () => setRemoving(p.userId) },
                  ]}
                >
                  {busy === p.userId ? "Saving…" : SHARE_LEVEL_LABELS[p.access]}
                  <span aria-hidden="true">▾</span>
                </MenuButton>
              ) : (
                <Badge>
                  {SHARE_LEVEL_LABELS[p.access]}
                  {p.effectiveAccess !== p.access && p.effectiveAccess ? ` (role allows ${SHARE_LEVEL_LABELS[p.effectiveAccess]})` : ""}
                </Badge>
              )}
            </div>
            {canManage && endingFor === p.userId && (
              <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
                <AccessEndForm grant="session_share" ids={{ sessionId, userId: p.userId }} current={p.expiresAt} label={`${p.name}'s access ends`} />
                <Button variant="ghost" size="sm" onClick={() => {
                  setEndingFor(null);
                  focusMenu(index);
                }}>
                  Done
                </Button>
              </div>
            )}
            {removing === p.userId && (
              <ConfirmRemoval name={p.name} pending={busy === p.userId} onConfirm={() => void remove(p, index)} onCancel={() => {
                  setRemoving(null);
                  focusMenu(index);
                }} />
            )}
          </li>
        ))}
      </ul>
      {people.length === 0 && !teamName && <p className="mt-2 text-sm text-slate-600">Only the owner has access.</p>}
      {!canManage && <p className="mt-2 text-sm text-slate-600">Only the owner and people with Full access can change who has access.</p>}
    </section>
  );
}

/** The removal asks first, in the row itself (focus starts on Cancel; Escape cancels). */
function ConfirmRemoval({ name, pending, onConfirm, onCancel }: { name: string; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const textId = useId();
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby={textId}
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={textId} className="text-red-900">
        Remove {name}&apos;s access? They won&apos;t be emailed.
      </p>
      <div className="flex gap-2">
        <Button ref={cancelRef} variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" size="sm" onClick={onConfirm} disabled={pending}>
          {pending ? "Removing…" : "Remove access"}
        </Button>
      </div>
    </div>
  );
}
