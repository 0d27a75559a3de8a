import "server-only";
import type { Ratelimit } from "@upstash/ratelimit";
import { RATE_LIMITS, redisPrefix, windowMs, type LimiterName } from "./catalogue";
import { createIoredisScriptAdapter, type ScriptingClient } from "./ioredis-adapter";
import { createCircuitBreaker, type CircuitBreaker } from "./circuit-breaker";
import { createMemoryLimiter } from "./memory";
import { secondsUntil, type Limiter, type LimitResult } from "./types";

/**
 * Picks the store once per process and builds each named limiter once, lazily:
 *   UPSTASH_REDIS_REST_URL + _TOKEN → Upstash (production)
 *   REDIS_URL                       → a local Redis through ioredis
 *   neither                         → in memory (embedded default, tests)
 *
 * Redis-backed limits never wait long and never lock anyone out: every Redis call times out
 * after RATE_LIMIT_REDIS_TIMEOUT_MS (300 ms), a failure pauses Redis for 30 s (circuit
 * breaker), and meanwhile each limiter counts in this process's memory instead. These limits are
 * per-IP and per-email throttles; the caps that protect a person or cost money (sign-in
 * failures, code attempts, code texts) are counted in Postgres and hold without Redis.
 */

export type BackendKind = "upstash" | "ioredis" | "memory";

type RedisForRatelimit = ConstructorParameters<typeof Ratelimit>[0]["redis"];

interface Backend {
  kind: BackendKind;
  build(name: LimiterName): Limiter;
  close?: () => void;
}

interface Registry {
  backend?: Promise<Backend>;
  limiters: Map<LimiterName, Promise<Limiter>>;
}

// On globalThis so dev reloads and duplicate module copies share one client and one set of limiters.
const registryKey = Symbol.for("carebridge.rate-limit.registry");
const globals = globalThis as Record<symbol, unknown>;
const registry: Registry = (globals[registryKey] as Registry | undefined) ?? (globals[registryKey] = { limiters: new Map() } satisfies Registry);

const env = (name: string) => process.env[name] || undefined; // an empty value counts as unset

/** How long one Redis call may take (RATE_LIMIT_REDIS_TIMEOUT_MS, default and ceiling 300 ms). */
export function redisTimeoutMs(): number {
  const ms = Number(env("RATE_LIMIT_REDIS_TIMEOUT_MS"));
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 300) : 300;
}

export function selectedBackendKind(): BackendKind {
  if (env("UPSTASH_REDIS_REST_URL") && env("UPSTASH_REDIS_REST_TOKEN")) return "upstash";
  if (env("REDIS_URL")) return "ioredis";
  return "memory";
}

const memoryLimiter = (name: LimiterName) => createMemoryLimiter(redisPrefix(name), RATE_LIMITS[name].limit, windowMs(RATE_LIMITS[name].window));

async function createBackend(): Promise<Backend> {
  const kind = selectedBackendKind();
  if (kind === "memory") return { kind, build: memoryLimiter };
  const { Ratelimit } = await import("@upstash/ratelimit");
  const timeout = redisTimeoutMs();
  const { redis, close } = kind === "upstash" ? await upstashClient(timeout) : await ioredisClient(timeout);
  const breaker = createCircuitBreaker();
  return {
    kind,
    close,
    build: (name) =>
      fromRatelimit(
        name,
        new Ratelimit({
          redis,
          limiter: Ratelimit.slidingWindow(RATE_LIMITS[name].limit, RATE_LIMITS[name].window),
          prefix: redisPrefix(name),
          timeout,
          analytics: false,
          enableProtection: false, // it downloads an IP deny-list from the internet
          enableTelemetry: false,
        }),
        { breaker, timeout, fallback: memoryLimiter(name) },
      ),
  };
}

async function upstashClient(timeout: number): Promise<{ redis: RedisForRatelimit; close?: () => void }> {
  const { Redis } = await import("@upstash/redis");
  // No retries (the client's default retries with backoff for seconds), and each request is aborted at the timeout.
  const redis = new Redis({ url: env("UPSTASH_REDIS_REST_URL")!, token: env("UPSTASH_REDIS_REST_TOKEN")!, enableTelemetry: false, retry: false, signal: () => AbortSignal.timeout(timeout) });
  return { redis };
}

async function ioredisClient(timeout: number): Promise<{ redis: RedisForRatelimit; close: () => void }> {
  const { Redis } = await import("ioredis");
  const client = new Redis(env("REDIS_URL")!, {
    connectTimeout: Math.max(timeout, 1_000),
    commandTimeout: timeout,
    // Refuse at once while disconnected instead of queueing: the limiter then counts in memory.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Keep reconnecting in the background, at most every 5 s.
    retryStrategy: (times) => Math.min(times * 500, 5_000),
  });
  // Connection errors are reported by the circuit breaker (once per outage), not per reconnect attempt.
  client.on("error", () => {});
  // The library only calls eval/evalsha, so the adapter stands in for an @upstash/redis client.
  return { redis: createIoredisScriptAdapter(client as unknown as ScriptingClient) as unknown as RedisForRatelimit, close: () => client.disconnect() };
}

function fromRatelimit(name: LimiterName, ratelimit: Ratelimit, opts: { breaker: CircuitBreaker; timeout: number; fallback: Limiter }): Limiter {
  const { breaker, timeout, fallback } = opts;
  const toResult = (success: boolean, r: { limit: number; remaining: number; reset: number }): LimitResult => ({
    success,
    limit: r.limit,
    remaining: r.remaining,
    reset: r.reset,
    retryAfterSeconds: success ? 0 : secondsUntil(r.reset),
  });

  /** One Redis call, bounded by the timeout whatever the client does; null when Redis is paused or failed. */
  async function viaRedis<T>(call: () => Promise<T>, timedOut: (r: T) => boolean = () => false): Promise<T | null> {
    if (!breaker.allow()) return null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeout)));
      const r = await Promise.race([call(), deadline]);
      if (timedOut(r)) throw new Error("timeout");
      breaker.success();
      return r;
    } catch (error) {
      breaker.failure(error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async limit(key) {
      // The library answers success with reason "timeout" when Redis is slow: that is a failure here.
      const r = await viaRedis(() => ratelimit.limit(key), (x) => x.reason === "timeout");
      return r ? toResult(r.success, r) : fallback.limit(key);
    },
    async peek(key) {
      const r = await viaRedis(() => ratelimit.getRemaining(key));
      return r ? toResult(r.remaining > 0, r) : fallback.peek(key);
    },
    async release(key) {
      // A negative rate is the library's refund: it skips the limit check and decrements the window.
      // With Redis paused the slot was taken from the in-memory fallback, so give it back there.
      // A lost refund only makes the limit a little stricter.
      const r = await viaRedis(() => ratelimit.limit(key, { rate: -1 }));
      if (!r) await fallback.release(key);
    },
  };
}

/** Tests only: forget the chosen store and its limiters (and close a Redis connection), so the next call picks again. */
export async function resetRateLimitBackend(): Promise<void> {
  const backend = registry.backend;
  registry.backend = undefined;
  registry.limiters.clear();
  (await backend?.catch(() => undefined))?.close?.();
}

/** The named limiter, built on first use and cached for the life of the process. */
export function getLimiter(name: LimiterName): Promise<Limiter> {
  let limiter = registry.limiters.get(name);
  if (!limiter) {
    registry.backend ??= createBackend();
    limiter = registry.backend.then((backend) => backend.build(name));
    registry.limiters.set(name, limiter);
    // A failed build (bad REDIS_URL, say) is not cached, so the next call retries.
    limiter.catch(() => {
      registry.backend = undefined;
      registry.limiters.delete(name);
    });
  }
  return limiter;
}
