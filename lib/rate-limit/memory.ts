import "server-only";
import type { Limiter, LimitResult } from "./types";
import { secondsUntil } from "./types";

/**
 * In-memory sliding-window limiter, for the embedded default (no Redis) and tests.
 * Exact sliding log: a key may make `limit` requests in any `windowMs` span, and
 * refused requests are not recorded, so each key holds at most `limit` timestamps.
 * State lives in one process only; with several instances, configure Redis.
 */

type Store = Map<string, number[]>;

interface MemoryState {
  stores: Map<string, Store>;
  lastSweep: Map<string, number>;
}

// On globalThis so Next.js dev reloads keep counts instead of silently resetting them.
const globalKey = Symbol.for("carebridge.rate-limit.memory");
const state: MemoryState = ((globalThis as Record<symbol, unknown>)[globalKey] as MemoryState | undefined) ??
  ((globalThis as Record<symbol, unknown>)[globalKey] = { stores: new Map(), lastSweep: new Map() } satisfies MemoryState);

export function createMemoryLimiter(namespace: string, limit: number, windowMs: number): Limiter {
  const storeFor = (): Store => {
    let store = state.stores.get(namespace);
    if (!store) state.stores.set(namespace, (store = new Map()));
    return store;
  };

  /** Timestamps still inside the window ending at `now`, oldest first; drops the key when empty. */
  const live = (store: Store, key: string, now: number): number[] => {
    const hits = (store.get(key) ?? []).filter((t) => t > now - windowMs);
    if (hits.length > 0) store.set(key, hits);
    else store.delete(key);
    return hits;
  };

  // Forget idle keys about once per window, so a flood of distinct keys cannot grow memory forever.
  const sweep = (store: Store, now: number) => {
    if (now - (state.lastSweep.get(namespace) ?? 0) < windowMs) return;
    state.lastSweep.set(namespace, now);
    for (const [key, hits] of store) if ((hits.at(-1) ?? 0) <= now - windowMs) store.delete(key);
  };

  const result = (hits: number[], success: boolean, now: number): LimitResult => {
    // The oldest live request leaves the window first, freeing one slot.
    const reset = hits.length > 0 ? hits[0]! + windowMs : now;
    return {
      success,
      limit,
      remaining: Math.max(0, limit - hits.length),
      reset,
      retryAfterSeconds: success ? 0 : secondsUntil(reset, now),
    };
  };

  return {
    async limit(key) {
      const now = Date.now();
      const store = storeFor();
      sweep(store, now);
      const hits = live(store, key, now);
      if (hits.length >= limit) return result(hits, false, now);
      hits.push(now);
      store.set(key, hits);
      return result(hits, true, now);
    },
    async peek(key) {
      const now = Date.now();
      const hits = live(storeFor(), key, now);
      return result(hits, hits.length < limit, now);
    },
    async release(key) {
      const now = Date.now();
      const store = storeFor();
      const hits = live(store, key, now);
      hits.pop(); // the newest hit: the one just reserved
      if (hits.length > 0) store.set(key, hits);
      else store.delete(key);
    },
  };
}

/** Tests only: how many keys are held, to check idle ones are forgotten. */
export function memoryKeyCount(): number {
  let n = 0;
  for (const store of state.stores.values()) n += store.size;
  return n;
}

/** Tests only: forget every count. */
export function clearMemoryLimiters(): void {
  state.stores.clear();
  state.lastSweep.clear();
}
