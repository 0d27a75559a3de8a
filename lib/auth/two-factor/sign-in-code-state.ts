/** What the sign-in code form's action answers. `invalid`: the ticket could not be redeemed (sign in again). */
export type SignInCodeState = {
  error?: "missing" | "wrong_code" | "too_many" | "expired" | "locked" | "rate_limited" | "unavailable" | "invalid";
  attemptsLeft?: number;
  /** The wrong code was one used before (the app's code again within its minute, or a spent recovery code). */
  alreadyUsed?: boolean;
  retryAfterSeconds?: number;
};
