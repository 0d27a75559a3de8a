import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Wiring of the Redis path: @upstash/ratelimit over the ioredis adapter, pointed at a port
// nothing listens on. No Redis server is needed; it checks the limiter is built and fails open.
const registryKey = Symbol.for("carebridge.rate-limit.registry");

beforeAll(() => {
  delete (globalThis as Record<symbol, unknown>)[registryKey];
  vi.stubEnv("UPSTASH_REDIS_REST_URL", "");
  vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "");
  vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
});

afterAll(() => {
  delete (globalThis as Record<symbol, unknown>)[registryKey]; // let other files choose their own backend
  vi.unstubAllEnvs();
});

describe("Redis backend selection", () => {
  it("chooses Upstash over REDIS_URL, and REDIS_URL over memory", async () => {
    const { selectedBackendKind } = await import("@/lib/rate-limit/backend");
    expect(selectedBackendKind()).toBe("ioredis");
    vi.stubEnv("UPSTASH_REDIS_REST_URL", "https://example.upstash.io");
    expect(selectedBackendKind()).toBe("ioredis"); // the token is needed too
    vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "t");
    expect(selectedBackendKind()).toBe("upstash");
    vi.stubEnv("UPSTASH_REDIS_REST_URL", "");
    vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "");
  });

  it("lets the request through (counting in memory), without logging the key, when Redis is unreachable", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { rateLimit, peekRateLimit, releaseRateLimit } = await import("@/lib/rate-limit");
    const limited = await rateLimit("signInEmail", "a@example.org");
    expect(limited).toMatchObject({ success: true, limit: 5, retryAfterSeconds: 0 });
    expect((await peekRateLimit("signInEmail", "a@example.org")).success).toBe(true);
    await expect(releaseRateLimit("signInEmail", "a@example.org")).resolves.toBeUndefined();
    const logged = errors.mock.calls.map((c) => String(c[0])).join("\n");
    expect(logged).toContain("Rate-limit Redis unreachable");
    expect(logged).not.toContain("a@example.org");
    errors.mockRestore();
  }, 15_000);
});
