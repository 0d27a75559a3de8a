import { lastDayText } from "@/lib/access-ends/end-date";

/** The words for what a request asks for / an answer gives (shared by the panel, the answer page and the messages). */
export function answerLevelLabel(level: string): string {
  return level === "edit" ? "Edit" : "View";
}

/**
 * What an approval gave, from its audit event's details: the level ("View", "Edit"; none for a chart)
 * and the last day of access, if it ends. For the audit log's sentence and the request's page.
 */
export function approvalGiven(metadata: Record<string, unknown> | null | undefined): { level: string | null; lastDay: string | null } {
  const level = metadata?.level === "edit" || metadata?.level === "view" ? answerLevelLabel(metadata.level) : null;
  const lastDay = typeof metadata?.endsAt === "string" ? lastDayText(new Date(metadata.endsAt)) : null;
  return { level, lastDay };
}
