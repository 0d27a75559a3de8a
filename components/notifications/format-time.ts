/** Time formats for notifications, in the clinic's English (en-GB). Pure, so server and client agree. */

const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "Just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then the date ("12 Mar 2026"). */
export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  const ago = now.getTime() - date.getTime();
  if (ago < MINUTE) return "Just now"; // also absorbs a little clock skew into the future
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), "minute");
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), "hour");
  if (ago < 7 * DAY) return relative.format(-Math.floor(ago / DAY), "day");
  return dateOnly.format(date);
}

/** "12 Mar 2026, 14:05" in the viewer's time zone. */
export function formatAbsoluteTime(date: Date): string {
  return absolute.format(date);
}
