import type { NotificationKind } from "./notify";

/**
 * What the app shows of a notification: never the raw row (no user or organisation ids).
 * Types only, so client components may import them without pulling in server code.
 */
export interface NotificationDto {
  id: string;
  kind: NotificationKind | (string & {});
  text: string;
  /** An in-app path ("/sessions/…"); anything else is replaced by "/notifications". */
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** The same over JSON (route handler, client component props): dates as ISO strings. */
export interface NotificationJson extends Omit<NotificationDto, "createdAt" | "readAt"> {
  createdAt: string;
  readAt: string | null;
}

export interface NotificationSummary {
  unread: number;
  latest: NotificationJson[];
}

/** How many notifications the header bell shows. */
export const BELL_LATEST_COUNT = 8;

/** The bell counts unread notifications up to this many (it shows "99+" beyond 99). */
export const BELL_UNREAD_CAP = 100;
