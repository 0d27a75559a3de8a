/** What a password sign-in action answers (staff and client portal alike). `unavailable`: the database could not be reached, so nothing was checked. */
export type SignInState = { error?: "invalid" | "rate_limited" | "locked" | "ended" | "missing" | "unavailable"; retryAfterSeconds?: number; email?: string };
