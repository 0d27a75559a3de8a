/**
 * Errors the UI can explain. Not-allowed and not-found share one code from the outside,
 * so a refusal never reveals whether a record exists.
 */
export const ERROR_CODES = [
  "invalid_input",
  "not_found", // also used for "no access"
  "forbidden", // a signed-in person lacks a permission for a page or action they can see
  "unauthenticated",
  "rate_limited",
  "email_in_use",
  "already_member",
  "last_admin",
  "name_taken",
  "role_in_use",
  "invalid_credentials",
  "account_locked",
  "unexpected",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: { retryAfterSeconds?: number; field?: string },
  ) {
    super(code);
    this.name = "AppError";
  }
}

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? object : { data: T }))
  | { ok?: false; error: ErrorCode; fieldErrors?: Record<string, string>; retryAfterSeconds?: number };

/** What a server action returns for a thrown error: a code, never `e.message` (it can carry patient data). */
export function toActionError(e: unknown): { error: ErrorCode; retryAfterSeconds?: number } {
  if (e instanceof AppError) return { error: e.code, ...(e.details?.retryAfterSeconds ? { retryAfterSeconds: e.details.retryAfterSeconds } : {}) };
  console.error("Unexpected error in a server action", e);
  return { error: "unexpected" };
}

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  invalid_input: "Some details need fixing. Check the highlighted fields.",
  not_found: "This page doesn't exist, or you don't have access to it.",
  forbidden: "You don't have permission to do that.",
  unauthenticated: "Please sign in to continue.",
  rate_limited: "Too many attempts. Please wait a few minutes and try again.",
  email_in_use: "Someone already uses this email address.",
  already_member: "This person is already a member of the organisation.",
  last_admin: "The organisation must keep at least one admin.",
  name_taken: "That name is already in use.",
  role_in_use: "Members still hold this role. Move them to another role first.",
  invalid_credentials: "The email or password is incorrect.",
  account_locked: "Too many failed attempts. This account is locked for a few minutes.",
  unexpected: "Something went wrong on our side. Please try again.",
};
