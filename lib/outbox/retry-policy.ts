import "server-only";

/**
 * How long a message is retried, and how far apart. A provider outage of hours must not lose a
 * share link or an invitation, so most messages are retried for 24 hours (OUTBOX_RETRY_HOURS).
 * An access code expires after 10 minutes, so its text is retried only while it could still be
 * used, at shorter intervals. Both providers keep an idempotency key for 24 hours, which is why
 * the window is not longer: every retry of a message must still be recognised as a repeat.
 */
export interface RetryPolicy {
  retryForMs: number;
  firstBackoffSeconds: number;
  maxBackoffSeconds: number;
}

const CODE_TEMPLATES = new Set(["security-code", "security-code-email"]);

function retryHours(): number {
  const hours = Number(process.env.OUTBOX_RETRY_HOURS);
  return Number.isFinite(hours) && hours > 0 ? Math.min(hours, 24) : 24;
}

export function retryPolicyFor(template: string): RetryPolicy {
  if (CODE_TEMPLATES.has(template)) return { retryForMs: 10 * 60_000, firstBackoffSeconds: 15, maxBackoffSeconds: 120 };
  return { retryForMs: retryHours() * 3_600_000, firstBackoffSeconds: 60, maxBackoffSeconds: 3_600 };
}

/** Whether an admin may send it again: a code is dead once its 10 minutes are over. */
export function canRetryLater(template: string): boolean {
  return !CODE_TEMPLATES.has(template);
}

/** When retries of a message queued (or retried by an admin) at `from` stop. */
export function retryUntilFor(template: string, from: Date = new Date()): Date {
  return new Date(from.getTime() + retryPolicyFor(template).retryForMs);
}

/** Wait after failed attempt n (1-based): doubles from the first backoff, capped. */
export function backoffSeconds(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.firstBackoffSeconds * 2 ** Math.max(0, attempts - 1), policy.maxBackoffSeconds);
}

/** How long one provider call may take before it counts as failed (OUTBOX_PROVIDER_TIMEOUT_MS, default 10 s). */
export function providerTimeoutMs(): number {
  const ms = Number(process.env.OUTBOX_PROVIDER_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 10_000;
}
