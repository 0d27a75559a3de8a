import { errorForLog } from "@/lib/log/safe-error";
import { isDatabaseUnavailable } from "./database-unavailable";

/** Shown when the database cannot be reached: calm, and nothing the person typed is lost. */
export const DATABASE_UNAVAILABLE_MESSAGE = "Carebridge can't reach its database right now — try again in a minute.";

/**
 * Errors the UI can explain. Not-allowed and not-found share one code from the outside,
 * so a refusal never reveals whether a record exists.
 */
export const ERROR_CODES = [
  "invalid_input",
  "not_found", // also used for "no access"
  "forbidden", // a signed-in person lacks a permission for a page or action they can see
  "unauthenticated",
  "signed_out", // a form sent after its page's sign-in ended: not saved, and the page keeps the input
  "two_factor_setup_needed", // the same, because the organisation now requires two-factor sign-in
  "rate_limited",
  "email_in_use",
  "already_member",
  "already_invited",
  "last_admin",
  "name_taken",
  "role_in_use",
  "invalid_credentials",
  "wrong_password",
  "has_account",
  "account_locked",
  "password_too_common",
  "password_personal",
  "sharing_off",
  "contact_archived",
  "contact_on_chart",
  "no_contact_email",
  "no_contact_mobile",
  "file_too_large",
  "file_not_pdf",
  "not_invited_to_portal",
  "no_portal_manager",
  "no_portal_email",
  "form_submitted",
  "already_linked",
  "unavailable", // the database cannot be reached right now (lib/database-unavailable.ts)
  "conflict",
  "unexpected",
  "emergency_access_off",
  "already_reviewed",
  "wrong_code",
  "code_already_used",
  "own_access",
  "wrong_setup_code",
  "code_locked",
  "two_factor_required",
  "two_factor_needed_first",
  "edit_conflict", // an autosave over text someone else saved since (lib/sessions/update-session.ts)
  "request_expired",
  "request_answered",
  "possible_duplicate",
  "reply_file_type",
  "reply_too_large",
  "reply_limit_reached",
  "reply_handled",
  "documents_not_shareable",
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

/**
 * A PostgreSQL unique-index conflict (two submissions racing for the same row): the index's name,
 * or null for any other error. Drivers put the code on the error or on its cause.
 */
export function uniqueViolation(e: unknown): string | null {
  for (const err of [e, (e as { cause?: unknown })?.cause] as { code?: string; constraint?: string }[]) {
    if (err?.code === "23505") return err.constraint ?? "unknown";
  }
  return null;
}

/** For a domain function's `.catch`: a unique conflict becomes a field message (default "conflict"). */
export function conflictAt(field: string, code: ErrorCode = "conflict") {
  return (e: unknown): never => {
    if (uniqueViolation(e)) throw new AppError(code, { field });
    throw e;
  };
}

/** What a server action returns for a thrown error: a code, never `e.message` (it can carry patient data). */
export function toActionError(e: unknown): { error: ErrorCode; retryAfterSeconds?: number } {
  if (e instanceof AppError) return { error: e.code, ...(e.details?.retryAfterSeconds ? { retryAfterSeconds: e.details.retryAfterSeconds } : {}) };
  if (isDatabaseUnavailable(e)) {
    console.error("Database unavailable during a server action");
    return { error: "unavailable" };
  }
  // A race no domain function named: a calm answer, and only the index's name in the log (the
  // failed statement's parameters can be clinical text).
  const constraint = uniqueViolation(e);
  if (constraint) {
    console.warn(`Unique conflict in a server action (${constraint})`);
    return { error: "conflict" };
  }
  console.error("Unexpected error in a server action", errorForLog(e));
  return { error: "unexpected" };
}

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  invalid_input: "Some details need fixing. Check the highlighted fields.",
  not_found: "This page doesn't exist, or you don't have access to it.",
  forbidden: "You don't have permission to do that.",
  unauthenticated: "Please sign in to continue.",
  signed_out: "You're no longer signed in, so this wasn't saved. Sign in again in a new tab, then come back and try again: what you entered here is kept.",
  two_factor_setup_needed: "Your organisation now requires two-factor sign-in, so this wasn't saved. Set it up in a new tab (open Carebridge there), then come back and try again: what you entered here is kept.",
  rate_limited: "Too many attempts. Please wait a few minutes and try again.",
  email_in_use: "Someone already uses this email address.",
  already_member: "This person is already a member of the organisation.",
  already_invited: "This person has already been invited and hasn't accepted yet. Open them under Members (marked Invited) to send the invitation again.",
  last_admin: "The organisation must keep at least one admin.",
  name_taken: "That name is already in use.",
  role_in_use: "Members still hold this role. Move them to another role first.",
  invalid_credentials: "The email or password is incorrect.",
  wrong_password: "That password isn't right. Enter the password you sign in with now.",
  has_account: "You already have an account with this email address. Reload this page and accept with your existing password.",
  account_locked: "Too many failed attempts. This account is locked for a few minutes.",
  password_too_common: "This password is too common or too easy to guess. Try a few unrelated words together.",
  password_personal: "Don't build your password from your name or email address.",
  sharing_off: "Document sharing is turned off for your organisation. An admin can turn it on in Settings → Sharing.",
  contact_archived: "This contact is archived. Restore them or choose another contact.",
  contact_on_chart: "This contact is a client's portal contact, so their details belong to that client's chart. Only someone who manages the client's portal can change them.",
  no_contact_email: "This contact has no email address. Add one on the Contacts page first.",
  no_contact_mobile: "Your clinic asks for a code sent to the contact's mobile, and this contact has no mobile number. Add one on the Contacts page first.",
  file_too_large: "The file is too large. Upload a PDF of up to 10 MB.",
  file_not_pdf: "Upload a PDF file.",
  no_portal_manager: "Nobody on the portal can complete forms for this profile yet. Invite the client with “Can manage information” switched on first.",
  not_invited_to_portal: "Invite this client to the portal first, so they can complete the form.",
  no_portal_email: "Add an email address first: the portal invitation is sent by email.",
  already_linked: "These profiles are already linked.",
  form_submitted: "This form has already been submitted and can no longer be changed.",
  unavailable: DATABASE_UNAVAILABLE_MESSAGE,
  conflict: "Someone made the same change at the same moment. Reload the page to see where things stand.",
  unexpected: "Something went wrong on our side. Please try again.",
  emergency_access_off: "Emergency access is turned off for your organisation. An admin can turn it on in Settings → Security.",
  already_reviewed: "Another admin has already reviewed this emergency access. Reload the page to see their note.",
  wrong_code: "That code isn't right. Enter the current code from your authenticator app, or an unused recovery code.",
  wrong_setup_code: "That code isn't right. Enter the 6-digit code your authenticator app shows now for Carebridge.",
  own_access: "You can't change your own access. Ask whoever gave it to you, or the owner.",
  code_already_used: "That code has already been used: each code works once. Wait for the next code from your app, or use an unused recovery code.",
  code_locked: "Too many wrong codes. Two-factor sign-in is locked for a few minutes; try again later.",
  two_factor_required: "Your organisation requires two-factor sign-in, so it can't be turned off.",
  two_factor_needed_first: "Set up two-factor sign-in for your own account first, so you are not locked out.",
  edit_conflict: "Someone else changed this since you started typing. Both versions are shown: nothing has been lost.",
  request_expired: "This access request is more than 14 days old and has expired. They can ask again.",
  request_answered: "Someone has already answered this access request.",
  possible_duplicate: "A chart with this email, or this name and date of birth, already exists. Open it, or tick “This is a different person” to create a new chart.",
  reply_file_type: "Send a PDF, or a photo or scan as a PNG or JPEG image, of up to 10 MB.",
  reply_too_large: "This file is larger than 10 MB. Send a smaller file (a scan at a lower resolution, or fewer pages).",
  reply_limit_reached: "You have sent 5 documents back through this link today. Try again tomorrow, or contact the clinic.",
  reply_handled: "Someone has already filed or discarded this document. Reload the page to see where things stand.",
  documents_not_shareable: "Some of the chosen documents can't be shared, so nothing was sent. Untick them, or ask an admin, then share again.",
};
