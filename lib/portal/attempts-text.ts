/** Warn only when few attempts are left: the share locks after the last one. */
export const WARN_AT_ATTEMPTS_LEFT = 3;

/** The code form's warning, or null when there are more than a few attempts left. */
export function attemptsLeftText(left: number | undefined): string | null {
  if (left == null || left > WARN_AT_ATTEMPTS_LEFT || left < 1) return null;
  return `You have ${left} more ${left === 1 ? "try" : "tries"} before this link locks and the clinic has to send it again.`;
}
