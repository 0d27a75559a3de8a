import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { selectedBackendKind } from "@/lib/rate-limit/backend";
import { windowMs } from "@/lib/rate-limit/catalogue";
import { createMemoryLimiter, memoryKeyCount } from "@/lib/rate-limit/memory";
import { RATE_LIMITS, peekRateLimit, rateLimit, releaseRateLimit, resetRateLimits, retryAfterMessage, tooManyRequests } from "@/lib/rate-limit";

const T0 = new Date("2026-03-02T09:00:00.000Z").getTime();
const MIN = 60_000;
// A 3-per-10-minutes limiter, to show the sliding window's arithmetic on small numbers.
const codes = createMemoryLimiter("carebridge:test:codes", 3, 10 * MIN);

beforeAll(() => {
  // These tests exercise the in-memory backend; a developer's Redis settings must not leak in.
  vi.stubEnv("UPSTASH_REDIS_REST_URL", "");
  vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "");
  vi.stubEnv("REDIS_URL", "");
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  resetRateLimits();
});

afterEach(() => {
  vi.useRealTimers();
});

async function exhaust(name: Parameters<typeof rateLimit>[0], key: string) {
  const results = [];
  for (let i = 0; i < RATE_LIMITS[name].limit; i++) results.push(await rateLimit(name, key));
  return results;
}

describe("catalogue", () => {
  it("has the agreed limits", () => {
    expect(RATE_LIMITS).toEqual({
      signInEmail: { limit: 5, window: "15 m" },
      signInIp: { limit: 30, window: "15 m" },
      clientSignInEmail: { limit: 5, window: "15 m" },
      clientSignInIp: { limit: 30, window: "15 m" },
      portalIp: { limit: 60, window: "1 m" },
      portalCodeSendIp: { limit: 10, window: "10 m" },
      portalCodeAttemptIp: { limit: 20, window: "10 m" },
      invitationIp: { limit: 20, window: "15 m" },
      twoFactorCodeIp: { limit: 20, window: "10 m" },
    });
  });

  it("parses windows", () => {
    expect(windowMs("15 m")).toBe(15 * MIN);
    expect(windowMs("30 s")).toBe(30_000);
    expect(windowMs("1 h")).toBe(60 * MIN);
  });

  it("uses memory when no Redis is configured", () => {
    expect(selectedBackendKind()).toBe("memory");
  });
});

describe("in-memory limiter", () => {
  it("allows N requests, then refuses with a retry time and the reset when the window frees", async () => {
    const allowed = await exhaust("signInEmail", "a@example.org");
    expect(allowed.map((r) => r.success)).toEqual([true, true, true, true, true]);
    expect(allowed.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(allowed.every((r) => r.retryAfterSeconds === 0 && r.limit === 5)).toBe(true);

    vi.setSystemTime(T0 + 2 * MIN);
    const refused = await rateLimit("signInEmail", "a@example.org");
    expect(refused).toEqual({ success: false, limit: 5, remaining: 0, reset: T0 + 15 * MIN, retryAfterSeconds: 13 * 60 });
  });

  it("gives back a released slot, the newest one, and only that one", async () => {
    await exhaust("signInEmail", "a@example.org");
    expect((await rateLimit("signInEmail", "a@example.org")).success).toBe(false);
    await releaseRateLimit("signInEmail", "a@example.org");
    expect(await rateLimit("signInEmail", "a@example.org")).toMatchObject({ success: true, remaining: 0 });
    expect((await rateLimit("signInEmail", "a@example.org")).success).toBe(false);
    // Releasing a key with nothing counted does nothing.
    await releaseRateLimit("signInEmail", "b@example.org");
    expect((await peekRateLimit("signInEmail", "b@example.org")).remaining).toBe(5);
  });

  it("refused requests are not counted, so they do not extend the wait", async () => {
    for (let i = 0; i < 3; i++) await codes.limit("share-1");
    for (let i = 0; i < 10; i++) await codes.limit("share-1");
    vi.setSystemTime(T0 + 10 * MIN);
    expect((await codes.limit("share-1")).success).toBe(true);
  });

  it("slides: each request frees its slot one window after it was made", async () => {
    // 3 per 10 min, made at 0, 4 and 8 minutes.
    for (const at of [0, 4, 8]) {
      vi.setSystemTime(T0 + at * MIN);
      expect((await codes.limit("share-1")).success).toBe(true);
    }
    vi.setSystemTime(T0 + 9 * MIN);
    const refused = await codes.limit("share-1");
    expect(refused.success).toBe(false);
    expect(refused.reset).toBe(T0 + 10 * MIN);
    expect(refused.retryAfterSeconds).toBe(60);

    // Just before the first request leaves the window: still refused.
    vi.setSystemTime(T0 + 10 * MIN - 1);
    expect((await codes.limit("share-1")).success).toBe(false);

    // The first slot frees, but only that one: a window is a span, not a calendar block.
    vi.setSystemTime(T0 + 10 * MIN);
    expect((await codes.limit("share-1")).success).toBe(true);
    const next = await codes.limit("share-1");
    expect(next.success).toBe(false);
    expect(next.reset).toBe(T0 + 14 * MIN);
    expect(next.retryAfterSeconds).toBe(4 * 60);
  });

  it("rounds the retry time up, never to 0", async () => {
    await exhaust("portalIp", "203.0.113.7");
    vi.setSystemTime(T0 + MIN - 300);
    const refused = await rateLimit("portalIp", "203.0.113.7");
    expect(refused.success).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1);
  });

  it("keeps keys independent", async () => {
    await exhaust("signInEmail", "a@example.org");
    expect((await rateLimit("signInEmail", "a@example.org")).success).toBe(false);
    expect((await rateLimit("signInEmail", "b@example.org")).success).toBe(true);
  });

  it("keeps limiters independent for the same key", async () => {
    await exhaust("signInEmail", "a@example.org");
    expect((await rateLimit("clientSignInEmail", "a@example.org")).success).toBe(true);
  });

  it("peek does not consume", async () => {
    for (let i = 0; i < 10; i++) {
      const peeked = await codes.peek("share-1");
      expect(peeked).toMatchObject({ success: true, remaining: 3, retryAfterSeconds: 0 });
    }
    await codes.limit("share-1");
    expect(await codes.peek("share-1")).toMatchObject({ success: true, remaining: 2 });
    await codes.limit("share-1");
    await codes.limit("share-1");

    vi.setSystemTime(T0 + 5 * MIN);
    const blocked = await codes.peek("share-1");
    expect(blocked).toEqual({ success: false, limit: 3, remaining: 0, reset: T0 + 10 * MIN, retryAfterSeconds: 5 * 60 });
  });

  it("resetRateLimits clears every count", async () => {
    await exhaust("signInEmail", "a@example.org");
    resetRateLimits();
    expect((await rateLimit("signInEmail", "a@example.org")).remaining).toBe(4);
  });

  it("forgets idle keys, so distinct keys cannot grow memory without bound", async () => {
    for (let i = 0; i < 100; i++) await rateLimit("portalIp", `198.51.100.${i}`);
    expect(memoryKeyCount()).toBe(100);
    vi.setSystemTime(T0 + 2 * MIN);
    await rateLimit("portalIp", "203.0.113.1"); // the first call a window later sweeps
    expect(memoryKeyCount()).toBe(1);
    expect((await peekRateLimit("portalIp", "198.51.100.1")).remaining).toBe(60);
  });
});

describe("responses", () => {
  it("tooManyRequests is a non-cacheable 429 with Retry-After", async () => {
    const res = tooManyRequests({ success: false, limit: 5, remaining: 0, reset: T0 + 5 * MIN, retryAfterSeconds: 300 });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("300");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.text()).toBe("Too many attempts. Please try again in 5 minutes.");
  });

  it("tooManyRequests takes a custom body", async () => {
    const res = tooManyRequests({ success: false, limit: 5, remaining: 0, reset: T0, retryAfterSeconds: 30 }, "Slow down");
    expect(res.headers.get("Retry-After")).toBe("30");
    expect(await res.text()).toBe("Slow down");
  });

  it("works end to end from a refused limit", async () => {
    await exhaust("signInEmail", "a@example.org");
    const res = tooManyRequests(await rateLimit("signInEmail", "a@example.org"));
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe(String(15 * 60));
  });

  it("retryAfterMessage speaks in seconds, then minutes rounded up", () => {
    expect(retryAfterMessage(30)).toBe("Too many attempts. Please try again in 30 seconds.");
    expect(retryAfterMessage(1)).toBe("Too many attempts. Please try again in 1 second.");
    expect(retryAfterMessage(0)).toBe("Too many attempts. Please try again in 1 second.");
    expect(retryAfterMessage(60)).toBe("Too many attempts. Please try again in 1 minute.");
    expect(retryAfterMessage(61)).toBe("Too many attempts. Please try again in 2 minutes.");
    expect(retryAfterMessage(300)).toBe("Too many attempts. Please try again in 5 minutes.");
    expect(retryAfterMessage(15 * 60)).toBe("Too many attempts. Please try again in 15 minutes.");
    expect(retryAfterMessage(2 * 3600)).toBe("Too many attempts. Please try again in 2 hours.");
  });
});
