/**
 * End dates as the clinic thinks of them: "until 31 Jan" means through the whole of 31 January,
 * clinic time (Europe/London), so the stored instant is the next midnight there. Pure functions,
 * shared by the forms (browser) and the server.
 */
const ZONE = "Europe/London";
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function londonParts(at: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute) };
}

/** The calendar day in the clinic's zone, as YYYY-MM-DD. */
export function clinicDay(at: Date): string {
  const { y, m, d } = londonParts(at);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function addDays(day: string, days: number): string {
  const m = YMD.exec(day)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  const m = YMD.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The instant access given "until `day`" ends: midnight at the start of the next day, clinic time. */
export function endOfClinicDay(day: string): Date {
  const next = addDays(day, 1);
  const m = YMD.exec(next)!;
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The zone's offset at that moment (0 in winter, +1 h in summer): London midnight is that much earlier in UTC.
  const p = londonParts(new Date(utcMidnight));
  const shownAsUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min);
  return new Date(utcMidnight - (shownAsUtc - utcMidnight));
}

/** The last day of access for a stored end (the day before the midnight it ends at). */
export function lastDayOf(expiresAt: Date): string {
  return clinicDay(new Date(expiresAt.getTime() - 1));
}

const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "31 Jan", or "31 Jan 2027" when the end is not in the current year. */
export function formatLastDay(expiresAt: Date, now: Date = new Date()): string {
  const day = lastDayOf(expiresAt);
  const asDate = new Date(`${day}T00:00:00Z`);
  return day.slice(0, 4) === clinicDay(now).slice(0, 4) ? dayMonth.format(asDate) : dayMonthYear.format(asDate);
}

/** The quick picks of the end-date field. */
export const END_DATE_QUICK_PICKS = [
  { label: "1 week", days: 7 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
] as const;

/** The furthest end date a form accepts (beyond that, "no end date" is the honest answer). */
export const MAX_END_DATE_DAYS = 5 * 366;

/** The last day of access for a stored end, as the clinic writes it: "8 Dec 2026" (for messages). */
export function lastDayText(expiresAt: Date): string {
  return dayMonthYear.format(new Date(`${lastDayOf(expiresAt)}T00:00:00Z`));
}

/** A day as the clinic writes it: "30 Nov 2026" (clinic time). */
export function formatClinicDate(at: Date): string {
  return dayMonthYear.format(new Date(`${clinicDay(at)}T00:00:00Z`));
}
