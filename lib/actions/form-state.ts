import type { ErrorCode } from "@/lib/errors";

/** What every form's server action returns: a code and per-field messages, never a row or `e.message`. */
export interface FormState {
  ok?: boolean;
  error?: ErrorCode;
  fieldErrors?: Record<string, string>;
  retryAfterSeconds?: number;
  /** Bumped on each success so forms can tell two successes apart. */
  savedAt?: number;
  /** Which of several successes it was, for a form whose confirmation depends on it. */
  outcome?: string;
}
