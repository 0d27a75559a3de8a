/** Who is calling the portal, for the audit trail and per-IP limits. */
export interface PortalRequest {
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}

export type PortalRefusal =
  | "unavailable" // unknown, revoked, deleted or sharing off: one answer for all
  | "expired"
  | "locked"
  | "rate_limited"
  | "code_required"
  | "no_mobile"
  | "no_email"
  | "no_code"
  | "wrong_code"
  | "code_expired"
  | "code_used"
  | "too_many_for_code";

/** On success, `cookie` is the signed share cookie, made before anything was written (see open-link.ts). */
export type PortalResult = { ok: true; shareId: string; linkVersion: number; cookie: string } | { ok: false; reason: PortalRefusal; retryAfterSeconds?: number; attemptsLeft?: number };
