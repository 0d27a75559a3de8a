import "server-only";
import type { Ratelimit } from "@upstash/ratelimit";
import { RATE_LIMITS, redisPrefix, windowMs, type LimiterName } from "./catalogue";
import { createIoredisScriptAdapter, type ScriptingClient } from "./ioredis-adapter";
import { createMemoryLimiter } from "./memory";
import { secondsUntil, type Limiter, type LimitResult } from "./types";

/**
 * Picks the store once per process and builds each named limiter once, lazily:
 *   UPSTASH_REDIS_REST_URL + _TOKEN → Upstash (production)
 *   REDIS_URL                       → a local Redis through ioredis
 *   neither                         → in memory (embedded default, tests)
 *
 * Redis-backed limits fail open: @upstash/ratelimit already allows a request when
 * Redis does not answer within `timeout`, and errors are treated the same way, so
 * a Redis outage does not lock everyone out of sign-in. Caps that protect secrets
 * (sign-in failures, portal code attempts) are therefore also counted in Postgres.
 */

export type BackendKind = "upstash" | "ioredis" | "memory";

type RedisForRatelimit = ConstructorParameters<typeof Ratelimit>[0]["redis"];

interface Backend {
  kind: BackendKind;
  build(name: LimiterName): Limiter;
}

interface Registry {
  backend?: Promise<Backend>;
  limiters: Map<LimiterName, Promise<Limiter>>;
}

// On globalThis so dev reloads and duplicate module copies share one client and one set of limiters.
const registryKey = Symbol.for("carebridge.rate-limit.registry");
const globals = globalThis as Record<symbol, unknown>;
const registry: Registry = (globals[registryKey] as Registry | undefined) ?? (globals[registryKey] = { limiters: new Map() } satisfies Registry);

/** Same as the library's default; applied to peeks too, which the library does not time out. */
const REDIS_TIMEOUT_MS = 5_000;

const env = (name: string) => process.env[name] || undefined; // an empty value counts as unset

export function selectedBackendKind(): BackendKind {
  if (env("UPSTASH_REDIS_REST_URL") && env("UPSTASH_REDIS_REST_TOKEN")) return "upstash";
  if (env("REDIS_URL")) return "ioredis";
  return "memory";
}

async function createBackend(): Promise<Backend> {
  const kind = selectedBackendKind();
  if (kind === "memory") {
    return { kind, build: (name) => createMemoryLimiter(redisPrefix(name), RATE_LIMITS[name].limit, windowMs(RATE_LIMITS[name].window)) };
  }
  const { Ratelimit } = await import("@upstash/ratelimit");
  const redis = kind === "upstash" ? await upstashClient() : await ioredisClient();
  return {
    kind,
    build: (name) =>
      fromRatelimit(
        name,
        new Ratelimit({
          redis,
          limiter: Ratelimit.slidingWindow(RATE_LIMITS[name].limit, RATE_LIMITS[name].window),
          prefix: redisPrefix(name),
          timeout: REDIS_TIMEOUT_MS,
          analytics: false,
          enableProtection: false, // it downloads an IP deny-list from the internet
          enableTelemetry: false,
        }),
      ),
  };
}

async function upstashClient(): Promise<RedisForRatelimit> {
  const { Redis } = await import("@upstash/redis");
  return new Redis({ url: env("UPSTASH_REDIS_REST_URL")!, token: env("UPSTASH_REDIS_REST_TOKEN")!, enableTelemetry: false });
}

async function ioredisClient(): Promise<RedisForRatelimit> {
  const { Redis } = await import("ioredis");
  // Fail fast rather than queue for ever; the limiter then fails open (see above).
  const client = new Redis(env("REDIS_URL")!, { maxRetriesPerRequest: 1 });
  let reported = false; // one log line per outage, not one per reconnect attempt
  client.on("error", (error) => {
    if (!reported) console.error("Rate-limit Redis connection error", error);
    reported = true;
  });
  client.on("ready", () => (reported = false));
  // The library only calls eval/evalsha, so the adapter stands in for an @upstash/redis client.
  return createIoredisScriptAdapter(client as unknown as ScriptingClient) as unknown as RedisForRatelimit;
}

function fromRatelimit(name: LimiterName, ratelimit: Ratelimit): Limiter {
  const { limit } = RATE_LIMITS[name];
  const failOpen = (reason: unknown): LimitResult => {
    // The key is not logged: it is an email or IP.
    console.error(`Rate limiter "${name}" unavailable; allowing the request`, reason);
    return { success: true, limit, remaining: 0, reset: Date.now(), retryAfterSeconds: 0 };
  };
  const toResult = (success: boolean, r: { limit: number; remaining: number; reset: number }): LimitResult => ({
    success,
    limit: r.limit,
    remaining: r.remaining,
    reset: r.reset,
    retryAfterSeconds: success ? 0 : secondsUntil(r.reset),
  });

  return {
    async limit(key) {
      try {
        const r = await ratelimit.limit(key);
        if (r.reason === "timeout") return failOpen("timeout");
        return toResult(r.success, r);
      } catch (error) {
        return failOpen(error);
      }
    },
    async peek(key) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), REDIS_TIMEOUT_MS)));
        const r = await Promise.race([ratelimit.getRemaining(key), timeout]);
        return toResult(r.remaining > 0, r);
      } catch (error) {
        return failOpen(error);
      } finally {
        clearTimeout(timer);
      }
    },
    async release(key) {
      try {
        // A negative rate is the library's refund: it skips the limit check and decrements the window.
        await ratelimit.limit(key, { rate: -1 });
      } catch (error) {
        failOpen(error); // a lost refund only makes the limit a little stricter
      }
    },
  };
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
