/** Default automatic logoff, and the range an admin may choose (Settings → Security). */
export const DEFAULT_IDLE_TIMEOUT_MINUTES = 30;
export const MIN_IDLE_TIMEOUT_MINUTES = 5;
export const MAX_IDLE_TIMEOUT_MINUTES = 480;

/**
 * last_active_at is written at most this often: it is on every request's hot path. The idle
 * clock therefore runs from the last request give or take this much.
 */
export const TOUCH_AFTER_MS = 60_000;

/** The auth session behind the current request, as the staff guard saw it. */
export interface CurrentAuthSession {
  id: string;
  idleTimeoutMinutes: number;
  lastActiveAt: Date;
}

/** One signed-in device on the account page. */
export interface SignedInDevice {
  id: string;
  device: string;
  ip: string | null;
  organisationName: string;
  createdAt: Date;
  lastActiveAt: Date;
  current: boolean;
}
