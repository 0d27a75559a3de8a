import "server-only";
import { getLimiter } from "./backend";
import type { LimiterName } from "./catalogue";
import { clearMemoryLimiters } from "./memory";
import type { LimitResult } from "./types";

/**
 * Rate limits: one named limiter per purpose (see catalogue.ts).
 *
 *   const result = await rateLimit("signInEmail", email.trim().toLowerCase());
 *   if (!result.success) return tooManyRequests(result);
 *
 * Callers normalise keys: emails trimmed and lower-cased, IPs from client-info,
 * share ids as stored.
 */

export { RATE_LIMITS, type LimiterName, type LimiterSpec, type RateLimitWindow } from "./catalogue";
export { retryAfterMessage, tooManyRequests } from "./response";
export type { LimitResult } from "./types";

/** Counts one request for `key` under the named limiter. */
export async function rateLimit(name: LimiterName, key: string): Promise<LimitResult> {
  return (await getLimiter(name)).limit(key);
}

/**
 * Gives back one request counted by `rateLimit`: for limits that count failures only, the attempt
 * is reserved before the work (so parallel requests cannot all slip under the cap) and released
 * when it turns out not to be a failure.
 */
export async function releaseRateLimit(name: LimiterName, key: string): Promise<void> {
  await (await getLimiter(name)).release(key);
}

/** Whether a request for `key` would pass now; counts nothing (e.g. to show a wait before a form is submitted). */
export async function peekRateLimit(name: LimiterName, key: string): Promise<LimitResult> {
  return (await getLimiter(name)).peek(key);
}

/** Tests only: clears the in-memory backend. Redis-backed counts are left alone. */
export function resetRateLimits(): void {
  clearMemoryLimiters();
}
