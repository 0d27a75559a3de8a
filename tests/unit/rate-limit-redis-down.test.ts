import { createServer as createHttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { peekRateLimit, rateLimit, resetRateLimits, RATE_LIMITS } from "@/lib/rate-limit";
import { getLimiter, resetRateLimitBackend } from "@/lib/rate-limit/backend";
import { createCircuitBreaker } from "@/lib/rate-limit/circuit-breaker";

/** Splits RESP command arrays (`*2\r\n$4\r\nINFO\r\n…`) into their first words; enough for a stand-in. */
function commandNames(buffer: string): { names: string[]; rest: string } {
  const names: string[] = [];
  let rest = buffer;
  for (;;) {
    const header = /^\*(\d+)\r\n/.exec(rest);
    if (!header) return { names, rest };
    let at = header[0].length;
    const args: string[] = [];
    for (let i = 0; i < Number(header[1]); i++) {
      const len = /^\$(\d+)\r\n/.exec(rest.slice(at));
      if (!len || rest.length < at + len[0].length + Number(len[1]) + 2) return { names, rest };
      at += len[0].length;
      args.push(rest.slice(at, at + Number(len[1])));
      at += Number(len[1]) + 2;
    }
    names.push(args[0]!.toUpperCase());
    rest = rest.slice(at);
  }
}

/**
 * A TCP server that accepts connections and never answers: Redis frozen. With `readyFirst` it
 * answers the client's connection handshake (HELLO, CLIENT, INFO) and then freezes, like a Redis
 * that hangs mid-operation. Counts the commands it was sent.
 */
async function startFrozenServer(opts: { readyFirst?: boolean } = {}) {
  const sockets = new Set<Socket>();
  let received = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let buffer = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString();
      const { names, rest } = commandNames(buffer);
      buffer = rest;
      received += names.length;
      if (!opts.readyFirst) return;
      for (const name of names) {
        if (name === "HELLO") socket.write("-ERR unknown command 'HELLO'\r\n");
        else if (name === "CLIENT" || name === "SELECT") socket.write("+OK\r\n");
        else if (name === "INFO") {
          const info = "# Server\r\nredis_version:7.0.0\r\nloading:0\r\n";
          socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
        }
        // anything else (the limiter's scripts) never gets an answer
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: Redis stopped. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** What sign-in does with the limiters: peek by IP and by email, then count a failure on both. */
async function signInLimiterCalls(ip: string, email: string) {
  await peekRateLimit("signInIp", ip);
  await peekRateLimit("signInEmail", email);
  await Promise.all([rateLimit("signInIp", ip), rateLimit("signInEmail", email)]);
}

let errors: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  // Load the Redis clients once up front: the timings below are about Redis, not module loading.
  await Promise.all([import("ioredis"), import("@upstash/ratelimit"), import("@upstash/redis")]);
  vi.stubEnv("UPSTASH_REDIS_REST_URL", "");
  vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "");
});

afterEach(async () => {
  await resetRateLimitBackend();
  resetRateLimits();
  vi.restoreAllMocks();
});

afterAll(() => vi.unstubAllEnvs());

const redisLogLines = () => errors.mock.calls.map((c: unknown[]) => c.join(" ")).filter((l: string) => l.includes("Redis"));

describe("Redis stopped (nothing listens)", () => {
  it("sign-in's limiter calls stay fast, the outage is logged once, and limits are still counted in this process", async () => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("REDIS_URL", `redis://127.0.0.1:${await closedPort()}`);
    const first = await timed(() => signInLimiterCalls("203.0.113.9", "a@clinic.test"));
    expect(first.ms).toBeLessThan(2_000);
    const many = await timed(async () => {
      for (let i = 0; i < 10; i++) await signInLimiterCalls("203.0.113.9", "a@clinic.test");
    });
    expect(many.ms).toBeLessThan(2_000);
    expect(redisLogLines()).toHaveLength(1);
    // Fails open towards Redis only: the per-email budget (5) still holds within this process.
    expect((await rateLimit("signInEmail", "a@clinic.test")).success).toBe(false);
    expect((await rateLimit("signInEmail", "b@clinic.test")).success).toBe(true);
  });
});

describe("Redis frozen (accepts, never answers)", () => {
  let frozen: Awaited<ReturnType<typeof startFrozenServer>>;
  beforeAll(async () => (frozen = await startFrozenServer()));
  afterAll(async () => frozen.close());

  it("through ioredis: each call gives up within the timeout, then Redis is skipped", async () => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("REDIS_URL", `redis://127.0.0.1:${frozen.port}`);
    const first = await timed(() => signInLimiterCalls("203.0.113.10", "c@clinic.test"));
    expect(first.ms).toBeLessThan(2_000);
    const afterOpen = frozen.received();
    const many = await timed(async () => {
      for (let i = 0; i < 20; i++) await rateLimit("portalIp", "203.0.113.10");
    });
    expect(many.ms).toBeLessThan(2_000);
    // The breaker is open: nothing more was sent to Redis.
    expect(frozen.received()).toBe(afterOpen);
    expect(redisLogLines()).toHaveLength(1);
    expect((await rateLimit("portalIp", "203.0.113.10")).success).toBe(true);
  });

  it("after the connection was ready: a command that never gets an answer times out within 300 ms or so", async () => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const hanging = await startFrozenServer({ readyFirst: true });
    try {
      vi.stubEnv("REDIS_URL", `redis://127.0.0.1:${hanging.port}`);
      // Build the client and let it pass its ready check before Redis is asked anything.
      await getLimiter("signInIp");
      while (hanging.received() < 4) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const commandsBefore = hanging.received();
      const first = await timed(() => signInLimiterCalls("203.0.113.12", "e@clinic.test"));
      expect(first.ms).toBeLessThan(2_000);
      expect(hanging.received()).toBeGreaterThan(commandsBefore); // the command did reach the frozen Redis
      expect(first.ms).toBeGreaterThanOrEqual(250); // and was cut off by the timeout, not refused at once
      const again = await timed(() => signInLimiterCalls("203.0.113.12", "e@clinic.test"));
      expect(again.ms).toBeLessThan(500);
      expect(redisLogLines()).toHaveLength(1);
    } finally {
      await hanging.close();
    }
  });

  it("through the Upstash REST client: a request that never answers is cut off", async () => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const hung = new Set<import("node:http").ServerResponse>();
    const http = createHttpServer((_req, res) => void hung.add(res));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    try {
      vi.stubEnv("REDIS_URL", "");
      vi.stubEnv("UPSTASH_REDIS_REST_URL", `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
      vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "token");
      const first = await timed(() => signInLimiterCalls("203.0.113.11", "d@clinic.test"));
      expect(first.ms).toBeLessThan(2_000);
      const again = await timed(() => signInLimiterCalls("203.0.113.11", "d@clinic.test"));
      expect(again.ms).toBeLessThan(500);
      expect(redisLogLines()).toHaveLength(1);
    } finally {
      vi.stubEnv("UPSTASH_REDIS_REST_URL", "");
      vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", "");
      for (const res of hung) res.destroy();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});

describe("circuit breaker", () => {
  it("pauses for 30 s after a failure, lets one probe through, and logs an outage once", () => {
    let t = 0;
    const lines: string[] = [];
    const breaker = createCircuitBreaker({ now: () => t, log: (l) => lines.push(l) });
    vi.spyOn(console, "info").mockImplementation(() => {});
    expect(breaker.allow()).toBe(true);
    breaker.failure(new Error("ECONNREFUSED 10.0.0.1:6379 key carebridge:rl:signInEmail:a@clinic.test"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("a@clinic.test");
    t = 29_999;
    expect(breaker.allow()).toBe(false);
    t = 30_000;
    expect(breaker.allow()).toBe(true); // the probe
    expect(breaker.allow()).toBe(false); // others wait while it runs
    breaker.failure(new Error("again"));
    expect(lines).toHaveLength(1); // same outage: not logged again
    t = 60_000;
    expect(breaker.allow()).toBe(true);
    breaker.success();
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(true);
    breaker.failure(new Error("a new outage"));
    expect(lines).toHaveLength(2);
  });

  it("the catalogue keeps code texts out of Redis: per IP only", () => {
    expect(Object.keys(RATE_LIMITS)).not.toContain("portalCodeSend");
    expect(RATE_LIMITS.portalCodeSendIp).toEqual({ limit: 10, window: "10 m" });
  });
});
