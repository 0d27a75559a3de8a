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

// The app's one date format family (lib/format/dates.ts), re-exported for the session pages.
export { formatDate, formatDateTime } from "@/lib/format/dates";
