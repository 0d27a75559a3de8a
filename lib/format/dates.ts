/**
 * The one date format family of the app, as a UK clinic writes dates: "30 Nov 2026" and
 * "30 Nov 2026, 08:51" (clinic time). Relative times ("5 minutes ago") are for notifications
 * only (components/notifications/format-time.ts). Pure, so server and client agree.
 */

const CLINIC_TIME_ZONE = "Europe/London";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: CLINIC_TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: CLINIC_TIME_ZONE });
// A calendar date ("1988-04-12", a date of birth) has no time zone: read and write it in UTC.
const calendarDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "30 Nov 2026". A string is a calendar date (YYYY-MM-DD…), shown as written. */
export function formatDate(value: Date | string): string {
  if (typeof value === "string") return calendarDateFormat.format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
  return dateFormat.format(value);
}

/** "30 Nov 2026, 08:51" in clinic time. */
export function formatDateTime(value: Date | string): string {
  return dateTimeFormat.format(typeof value === "string" ? new Date(value) : value);
}

/** formatDate or formatDateTime, with a dash for "never". */
export function formatDateOrDash(value: Date | string | null | undefined, withTime = false): string {
  if (value === null || value === undefined) return "—";
  return withTime ? formatDateTime(value) : formatDate(value);
}
