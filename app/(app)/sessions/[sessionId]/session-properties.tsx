"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { SessionStatusBadge, VISIBILITY_LABELS } from "@/components/sessions/session-badges";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import type { FormState } from "@/lib/actions/form-state";
import { ERROR_MESSAGES } from "@/lib/errors";
import { SESSION_STATUS_LABELS, SESSION_STATUSES, type SessionStatus } from "@/lib/sessions/schemas";
import { setSessionPatientAction, setSessionVisibilityAction, updateSessionAction } from "./actions";
import { PatientPicker } from "./patient-picker";

type Option = { id: string; name: string };
type Patient = Option | null;
type Property = "status" | "client" | "visibility";

interface Values {
  status: SessionStatus;
  patient: Patient;
  visibility: "private" | "team";
  teamId: string | null;
}

/** Why a property could not be saved, in words (the field's own message when the server named one). */
const FIELD_MESSAGES: Record<string, string> = {
  clientId: "That client is no longer available to you.",
  teamId: "Choose one of your teams first.",
};

/**
 * The session's properties in its header (as Linear/Notion do): status, client, team and visibility,
 * each saved as it changes, with its own saved/failed state and an Undo toast — instead of one form
 * and one Save button per property. People who may not change a property read it as text.
 */
export function SessionProperties({
  sessionId,
  initial,
  teams,
  can,
}: {
  sessionId: string;
  initial: Values;
  teams: Option[];
  can: { changeStatus: boolean; changePatient: boolean; setVisibility: boolean };
}) {
  const [values, setValues] = useState(initial);
  const [phase, setPhase] = useState<{ property: Property; state: "saving" | "saved" | "failed"; message?: string } | null>(null);
  const [toast, setToast] = useState<{ text: string; undo: () => void; id: number } | null>(null);
  const teamName = teams.find((t) => t.id === values.teamId)?.name ?? null;
  const ids = { status: useId(), client: useId(), visibility: useId(), team: useId() };

  /** Saves one property; on success offers Undo (which saves the previous value the same way). */
  async function save(property: Property, next: Partial<Values>, describe: (v: Values) => string, isUndo = false) {
    const before = values;
    const after = { ...values, ...next };
    setValues(after);
    setPhase({ property, state: "saving" });
    const state = await send(sessionId, property, after).catch((): FormState => ({ error: "unexpected" }));
    if (state.ok) {
      setPhase({ property, state: "saved" });
      setToast(isUndo ? { text: `Undone: ${describe(after)}`, undo: () => {}, id: Date.now() } : { text: describe(after), undo: () => void save(property, before, describe, true), id: Date.now() });
      return;
    }
    setValues(before);
    const field = Object.keys(state.fieldErrors ?? {})[0];
    setPhase({ property, state: "failed", message: (field && FIELD_MESSAGES[field]) || ERROR_MESSAGES[state.error ?? "unexpected"] });
  }

  const stateOf = (property: Property) => (phase?.property === property ? <SaveState {...phase} /> : null);

  return (
    <>
      {/* On a phone each property takes the whole width, so the choices read in full ("Ready for review"). */}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:flex sm:flex-wrap sm:items-start">
        <PropertyItem labelId={ids.status} label="Status" state={stateOf("status")}>
          {can.changeStatus ? (
            <Select
              aria-labelledby={ids.status}
              value={values.status}
              className="h-9 w-full sm:w-44"
              onChange={(e) => void save("status", { status: e.target.value as SessionStatus }, (v) => `Status changed to ${SESSION_STATUS_LABELS[v.status]}.`)}
            >
              {SESSION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {SESSION_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          ) : (
            <SessionStatusBadge status={values.status} />
          )}
        </PropertyItem>
        <PropertyItem labelId={ids.client} label="Client" state={stateOf("client")}>
          {can.changePatient ? (
            <PatientPicker
              sessionId={sessionId}
              current={values.patient}
              labelId={ids.client}
              onChoose={(patient) => {
                if (patient?.id !== values.patient?.id) void save("client", { patient }, (v) => (v.patient ? `Client changed to ${v.patient.name}.` : "Client removed."));
              }}
            />
          ) : (
            <span className="text-slate-800">{values.patient?.name ?? "No patient"}</span>
          )}
        </PropertyItem>
        <PropertyItem labelId={ids.visibility} label="Visibility" state={stateOf("visibility")}>
          {can.setVisibility ? (
            <Select
              aria-labelledby={ids.visibility}
              value={values.visibility}
              className="h-9 sm:w-44"
              onChange={(e) => void save("visibility", { visibility: e.target.value as Values["visibility"] }, describeVisibility(teams))}
            >
              <option value="private">{VISIBILITY_LABELS.private}</option>
              <option value="team">{VISIBILITY_LABELS.team}</option>
            </Select>
          ) : (
            <span className="text-slate-800">
              {values.visibility === "team" ? `Team${teamName ? `: ${teamName}` : ""}` : VISIBILITY_LABELS.private}
            </span>
          )}
        </PropertyItem>
        {can.setVisibility && (
          // Its own labelled property: the team a "Visible to my team" session is visible to.
          <PropertyItem labelId={`${ids.team}-label`} label="Team" state={null}>
            <Select
              id={ids.team}
              aria-labelledby={`${ids.team}-label`}
              value={values.teamId ?? ""}
              className="h-9 sm:w-40"
              onChange={(e) => void save("visibility", { teamId: e.target.value || null }, describeVisibility(teams))}
              options={teams}
            >
              <option value="">No team</option>
            </Select>
          </PropertyItem>
        )}
      </dl>
      {toast && <UndoToast key={toast.id} text={toast.text} onUndo={toast.undo} canUndo={!toast.text.startsWith("Undone")} onDismiss={() => setToast(null)} />}
    </>
  );
}

function describeVisibility(teams: Option[]) {
  return (v: Values) => {
    const team = teams.find((t) => t.id === v.teamId)?.name;
    return v.visibility === "team" ? `Visible to ${team ?? "the team"}.` : `Private${team ? ` (team: ${team})` : ""}.`;
  };
}

function send(sessionId: string, property: Property, v: Values): Promise<FormState> {
  const data = new FormData();
  data.set("sessionId", sessionId);
  if (property === "status") {
    data.set("status", v.status);
    return updateSessionAction(null, data);
  }
  if (property === "client") {
    data.set("clientId", v.patient?.id ?? "");
    return setSessionPatientAction({}, data);
  }
  data.set("visibility", v.visibility);
  data.set("teamId", v.teamId ?? "");
  return setSessionVisibilityAction({}, data);
}

function PropertyItem({ labelId, label, state, className, children }: { labelId: string; label: string; state: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={cn("min-w-0 space-y-1", className)}>
      <dt id={labelId} className="text-xs font-medium tracking-wide text-slate-600 uppercase">
        {label}
      </dt>
      <dd className="flex min-h-9 flex-wrap items-center gap-2">
        {children}
        {state}
      </dd>
    </div>
  );
}

function SaveState({ state, message }: { state: "saving" | "saved" | "failed"; message?: string }) {
  if (state === "failed") {
    return (
      <span role="alert" className="text-sm font-medium text-red-700">
        Not saved: {message}
      </span>
    );
  }
  return (
    <span role="status" className="text-sm text-slate-600">
      {state === "saving" ? "Saving…" : "Saved"}
    </span>
  );
}

/** "Status changed to In progress. Undo" at the bottom of the screen, for a few seconds. */
function UndoToast({ text, canUndo, onUndo, onDismiss }: { text: string; canUndo: boolean; onUndo: () => void; onDismiss: () => void }) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    timer.current = setTimeout(onDismiss, 10_000);
    return () => clearTimeout(timer.current);
  }, [onDismiss]);
  return (
    <div role="status" className="fixed inset-x-0 bottom-4 z-40 mx-auto flex w-fit max-w-[calc(100vw-2rem)] items-center gap-3 rounded-lg bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg">
      <span>{text}</span>
      {canUndo && (
        <Button
          variant="ghost"
          size="sm"
          className="text-teal-200 hover:bg-slate-800 hover:text-white"
          onClick={() => {
            onDismiss();
            onUndo();
          }}
        >
          Undo
        </Button>
      )}
      <Button variant="ghost" size="sm" aria-label="Dismiss" className="text-slate-200 hover:bg-slate-800 hover:text-white" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </Button>
    </div>
  );
}
