import "server-only";

/**
 * Every rate limit Carebridge applies, as data: one named limiter per purpose,
 * so limits are reviewed in one place and never built ad hoc per call.
 *
 * Keys are normalised by the caller before they reach a limiter: emails are
 * trimmed and lower-cased, IPs come from `lib/request/client-info`, share ids
 * are used as stored. A key that is not normalised gets its own budget, which
 * would let "A@x.org" and "a@x.org" double the attempts.
 */

/** A window as @upstash/ratelimit spells it ("15 m"); the in-memory backend parses the same strings. */
export type RateLimitWindow = `${number} ${"s" | "m" | "h"}`;

export interface LimiterSpec {
  /** Requests allowed per key within any one window. */
  limit: number;
  window: RateLimitWindow;
}

export type LimiterName =
  | "signInEmail"
  | "signInIp"
  | "clientSignInEmail"
  | "clientSignInIp"
  | "portalIp"
  | "portalCodeSendIp"
  | "portalCodeAttemptIp"
  | "invitationIp"
  | "twoFactorCodeIp";

export const RATE_LIMITS = {
  // Staff sign-in. Per email guards one account; per IP slows credential stuffing across accounts.
  signInEmail: { limit: 5, window: "15 m" },
  signInIp: { limit: 30, window: "15 m" },
  // Client (portal account) sign-in: the same budgets, counted separately from staff.
  clientSignInEmail: { limit: 5, window: "15 m" },
  clientSignInIp: { limit: 30, window: "15 m" },
  // Sharing portal page loads per IP: generous, only stops scraping of share links.
  portalIp: { limit: 60, window: "1 m" },
  // Access codes texted (SMS) per IP. The caps that protect the contact and cost money (3 texts per
  // share per 10 minutes, 10 per contact per day) are counted in Postgres (lib/portal/code-text-caps.ts).
  portalCodeSendIp: { limit: 10, window: "10 m" },
  // Access-code guesses per IP; codes are also capped per share in Postgres (Redis limits fail open).
  portalCodeAttemptIp: { limit: 20, window: "10 m" },
  // Invitation acceptance per IP: invitation tokens are secrets, so guessing is throttled.
  invitationIp: { limit: 20, window: "15 m" },
  // Two-factor code guesses per IP; also capped per sign-in and per account in Postgres.
  twoFactorCodeIp: { limit: 20, window: "10 m" },
} as const satisfies Record<LimiterName, LimiterSpec>;

/** Every limiter gets its own Redis namespace, so two purposes never share a counter. */
export function redisPrefix(name: LimiterName): string {
  return `carebridge:rl:${name}`;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

export function windowMs(window: RateLimitWindow): number {
  const match = /^(\d+(?:\.\d+)?) (s|m|h)$/.exec(window);
  if (!match) throw new Error(`Unparseable rate-limit window: ${window}`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}
