import "server-only";

export interface LimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when the window frees (at least one more request would pass). */
  reset: number;
  /** Whole seconds to wait; 0 when `success`. */
  retryAfterSeconds: number;
}

/** What each backend provides for one named limiter. */
export interface Limiter {
  /** Counts one request against `key` and says whether it may proceed. */
  limit(key: string): Promise<LimitResult>;
  /** Says whether a request for `key` would pass now, without counting one. */
  peek(key: string): Promise<LimitResult>;
  /** Gives back one request counted by `limit` (a reservation that turned out not to be a failure). */
  release(key: string): Promise<void>;
}

/** Seconds until `reset`, rounded up and never 0, so a refused caller always waits. */
export function secondsUntil(reset: number, now: number = Date.now()): number {
  return Math.max(1, Math.ceil((reset - now) / 1000));
}
