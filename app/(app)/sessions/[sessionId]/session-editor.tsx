"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { formatDateTime } from "@/components/sessions/session-badges";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Textarea } from "@/components/ui/field";
import { ERROR_MESSAGES } from "@/lib/errors";
import { updateSessionAction, type SessionSaveState } from "./actions";

type TextField = "notes" | "context";

/** How long typing pauses before the text is saved. */
const AUTOSAVE_DELAY_MS = 800;

/**
 * Notes and context, saved as you type. Both fields share the session's version (each save returns
 * the new one). The component stays mounted when the page re-renders read-only (access lowered to
 * View while typing), so text that could not be saved stays on screen, read-only, with Copy.
 */
export function SessionEditor({ sessionId, notes, context, version, editable }: { sessionId: string; notes: string; context: string; version: number; editable: boolean }) {
  const versionRef = useRef(version);
  return (
    <div className="space-y-6">
      <AutosaveText sessionId={sessionId} field="notes" label="Notes" initial={notes} rows={12} versionRef={versionRef} editable={editable} />
      <AutosaveText
        sessionId={sessionId}
        field="context"
        label="Context"
        hint="Background for this session: referral, history, goals."
        initial={context}
        rows={4}
        versionRef={versionRef}
        editable={editable}
      />
    </div>
  );
}

type Phase = "idle" | "dirty" | "saving" | "saved" | "conflict" | "failed";
interface Conflict {
  theirs: string;
  byName: string | null;
  at: Date;
}

function AutosaveText({
  sessionId,
  field,
  label,
  hint,
  initial,
  rows,
  versionRef,
  editable,
}: {
  sessionId: string;
  field: TextField;
  label: string;
  hint?: string;
  initial: string;
  rows: number;
  versionRef: { current: number };
  editable: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  // The stored text this person's edits start from (what the server had when they last saved/loaded).
  const [base, setBase] = useState(initial);
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState<string | null>(null);
  // The save found no session it may change: access removed (or the session deleted) while typing.
  const [accessEnded, setAccessEnded] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  /** Their own text after choosing the other version: kept on screen until dismissed. */
  const [setAside, setSetAside] = useState<string | null>(null);
  const inFlight = useRef(false);
  const latest = useRef({ text, base });
  useEffect(() => {
    latest.current = { text, base };
  }, [text, base]);

  const save = useCallback(
    async (opts: { overwrite?: boolean } = {}) => {
      if (inFlight.current) return;
      const { text: sent, base: from } = latest.current;
      if (sent === from && !opts.overwrite) return setPhase((p) => (p === "dirty" ? "saved" : p));
      inFlight.current = true;
      setPhase("saving");
      const data = new FormData();
      data.set("sessionId", sessionId);
      data.set(field, sent);
      data.set(`${field}Base`, from);
      data.set("version", String(versionRef.current));
      const state: SessionSaveState = await updateSessionAction(null, data).catch(() => ({ error: "unexpected" as const }));
      inFlight.current = false;
      if (state.ok) {
        if (state.version) versionRef.current = state.version;
        setBase(sent);
        setError(null);
        // Typed on while it saved: the next pause saves the rest.
        setPhase(latest.current.text === sent ? "saved" : "dirty");
      } else if (state.error === "edit_conflict" && state.conflict) {
        versionRef.current = state.conflict.version;
        setConflict({ theirs: state.conflict[field] ?? "", byName: state.conflict.changedByName, at: new Date(state.conflict.changedAt) });
        setPhase("conflict");
      } else {
        // forbidden: the page re-renders read-only around the kept text. not_found: the page stays
        // as it is (re-rendered, it would be the not-found page) and keeps the text to copy.
        if (state.error === "not_found") setAccessEnded(true);
        setError(ERROR_MESSAGES[state.error ?? "unexpected"]);
        setPhase("failed");
      }
    },
    [sessionId, field, versionRef],
  );

  useEffect(() => {
    if (phase !== "dirty") return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [phase, text, save]);

  useEffect(() => {
    // Leaving with unsaved text asks first.
    const unsaved = text !== base;
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [text, base]);

  const unsaved = text !== base;
  if (!editable || accessEnded) {
    if (!unsaved) {
      return (
        <div>
          <h3 className="text-sm font-medium text-slate-800">{label}</h3>
          <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800" data-testid={`session-${field}`}>
            {initial || <span className="text-slate-600">No {label.toLowerCase()} yet.</span>}
          </p>
        </div>
      );
    }
    return (
      <div className="space-y-2">
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {accessEnded ? "Your access to this session ended" : "Your access to this session changed to View"} while you were typing, so your last changes to the{" "}
          {label.toLowerCase()} were not saved. Your text is kept below: copy it before you leave this page.
        </p>
        <KeptText label={`Your unsaved ${label.toLowerCase()}`} text={text} />
        <div>
          <h3 className="text-sm font-medium text-slate-800">{label} as saved</h3>
          <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800" data-testid={`session-${field}`}>
            {initial || <span className="text-slate-600">No {label.toLowerCase()} yet.</span>}
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <SaveIndicator phase={phase} error={error} onRetry={() => void save()} />
      </div>
      <Textarea
        id={id}
        name={field}
        rows={rows}
        value={text}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (phase !== "conflict") setPhase("dirty");
        }}
        onBlur={() => phase === "dirty" && void save()}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {conflict && (
        <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
          <p role="alert" className="text-amber-900">
            {conflict.byName ?? "Someone else"} saved other {label.toLowerCase()} at {formatDateTime(conflict.at)}, after you started typing. Nothing is lost:
            your version is in the box above, theirs is below. Choose which to keep, or combine them above and keep yours.
          </p>
          <KeptText label={`Their version (${conflict.byName ?? "saved by someone else"})`} text={conflict.theirs} />
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              onClick={() => {
                // Theirs is the base now: saving replaces it, on purpose.
                setBase(conflict.theirs);
                latest.current.base = conflict.theirs;
                setConflict(null);
                void save({ overwrite: true });
              }}
            >
              Keep my version
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setSetAside(text);
                setText(conflict.theirs);
                setBase(conflict.theirs);
                setConflict(null);
                setPhase("saved");
              }}
            >
              Use their version
            </Button>
          </div>
        </div>
      )}
      {setAside !== null && (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
          <KeptText label="Your earlier version (not saved)" text={setAside} />
          <Button variant="secondary" size="sm" onClick={() => setSetAside(null)}>
            Dismiss
          </Button>
        </div>
      )}
    </div>
  );
}

function SaveIndicator({ phase, error, onRetry }: { phase: Phase; error: string | null; onRetry: () => void }) {
  if (phase === "failed") {
    return (
      <span className="flex items-center gap-2 text-sm font-medium text-red-700">
        <span role="alert">Not saved: {error}</span>
        <Button variant="ghost" size="sm" onClick={onRetry}>
          Try again
        </Button>
      </span>
    );
  }
  const words = { idle: "", dirty: "Unsaved changes", saving: "Saving…", saved: "Saved", conflict: "Not saved: changed by someone else" }[phase];
  return (
    <span role="status" className="text-sm text-slate-600">
      {words}
    </span>
  );
}

/** Read-only text with a Copy button: what must never be lost. */
function KeptText({ label, text }: { label: string; text: string }) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <CopyButton text={text} selectId={id} />
      </div>
      <Textarea id={id} readOnly rows={Math.min(10, Math.max(3, text.split("\n").length + 1))} value={text} className="bg-white" />
    </div>
  );
}
