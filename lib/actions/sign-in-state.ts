/** What a password sign-in action answers (staff and client portal alike). */
export type SignInState = { error?: "invalid" | "rate_limited" | "locked" | "missing"; retryAfterSeconds?: number; email?: string };
