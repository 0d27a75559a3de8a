import { Badge, type BadgeTone } from "@/components/ui/badge";
import { SESSION_LEVEL_LABELS, type SessionLevel } from "@/lib/access/sessions";
import { SESSION_STATUS_LABELS, type SessionStatus } from "@/lib/sessions/schemas";

const STATUS_TONES = {
  draft: "neutral",
  in_progress: "info",
  ready_for_review: "warning",
  completed: "success",
} as const satisfies Record<SessionStatus, BadgeTone>;

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{SESSION_STATUS_LABELS[status]}</Badge>;
}

const LEVEL_TONES = { none: "neutral", view: "neutral", edit: "info", full: "info", owner: "success" } as const satisfies Record<SessionLevel, BadgeTone>;

export function AccessLevelBadge({ level }: { level: SessionLevel }) {
  return <Badge tone={LEVEL_TONES[level]}>{SESSION_LEVEL_LABELS[level]}</Badge>;
}

/** One wording for a session's visibility, in the new-session form and on the session page alike. */
export const VISIBILITY_LABELS = { private: "Private", team: "Visible to my team" } as const satisfies Record<"private" | "team", string>;
export const VISIBILITY_HINT = "Private: you and the people you share it with. Team: its team members can view it too.";

export function VisibilityBadge({ visibility, teamName }: { visibility: "private" | "team"; teamName?: string | null }) {
  return visibility === "team" ? <Badge tone="info">Team{teamName ? `: ${teamName}` : ""}</Badge> : <Badge>Private</Badge>;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

export function formatDate(d: Date): string {
  return dateFormat.format(d);
}

export function formatDateTime(d: Date): string {
  return dateTimeFormat.format(d);
}
