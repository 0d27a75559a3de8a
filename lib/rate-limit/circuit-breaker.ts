import "server-only";

/**
 * Skips Redis for a while after it failed, so an outage costs one short timeout per 30 s rather
 * than one per request (sign-in makes two limiter calls, each would wait). One probe is let through
 * when the pause ends; the outage is logged once, and its end once.
 */
export interface CircuitBreaker {
  /** Whether to call Redis now. False while paused; true once for the probe after a pause. */
  allow(): boolean;
  failure(reason: unknown): void;
  success(): void;
}

export function createCircuitBreaker(opts: { pauseMs?: number; now?: () => number; log?: (line: string) => void } = {}): CircuitBreaker {
  const pauseMs = opts.pauseMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.error(line));
  let pausedUntil = 0;
  let down = false;
  return {
    allow() {
      const t = now();
      if (t < pausedUntil) return false;
      // The probe: others keep skipping Redis while it runs.
      if (down) pausedUntil = t + pauseMs;
      return true;
    },
    failure(reason) {
      pausedUntil = now() + pauseMs;
      if (down) return;
      down = true;
      // The reason's class only: a Redis error text can hold the key (an email or an IP).
      const kind = reason instanceof Error ? reason.name : String(reason).slice(0, 40);
      log(`Rate-limit Redis unreachable (${kind}): skipping it for ${Math.round(pauseMs / 1000)} s at a time; per-IP limits are counted in this process only until it answers`);
    },
    success() {
      pausedUntil = 0;
      if (!down) return;
      down = false;
      console.info("Rate-limit Redis reachable again");
    },
  };
}
