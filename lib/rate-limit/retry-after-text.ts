// No "server-only": the sign-in form (a client component) shows the same wording.

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** "in 30 seconds", "in 1 minute", "in 2 hours" — rounded up, so the wait shown is never too short. */
export function retryAfterText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return `in ${s < 60 ? plural(s, "second") : s < 3600 ? plural(Math.ceil(s / 60), "minute") : plural(Math.ceil(s / 3600), "hour")}`;
}
