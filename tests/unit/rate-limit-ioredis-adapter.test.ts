import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createIoredisScriptAdapter, stripScriptFlags, type ScriptingClient } from "@/lib/rate-limit/ioredis-adapter";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

const SCRIPT = `#!lua flags=allow-key-locking
  local key = KEYS[1]
  return {tonumber(ARGV[1]), 1}
`;
const STRIPPED = `  local key = KEYS[1]
  return {tonumber(ARGV[1]), 1}
`;

/** A stand-in Redis that records calls and, like Redis 7.0, refuses scripts with the flags line. */
function fakeRedis() {
  const calls: unknown[][] = [];
  const scripts = new Map<string, string>();
  const client = {
    async eval(...args: unknown[]) {
      calls.push(["eval", ...args]);
      return [0, 1];
    },
    async script(sub: "LOAD", body: string) {
      calls.push(["script", sub, body]);
      if (body.startsWith("#!lua flags=allow-key-locking")) throw new Error("ERR Unexpected flag in script shebang: allow-key-locking");
      scripts.set(sha1(body), body);
      return sha1(body);
    },
    async evalsha(sha: string, numkeys: number, ...rest: (string | number)[]) {
      calls.push(["evalsha", sha, numkeys, ...rest]);
      if (!scripts.has(sha)) throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      return [Number(rest[numkeys]), 1];
    },
    flush() {
      scripts.clear();
    },
  };
  return { client, calls };
}

/** What @upstash/ratelimit does (dist/index.mjs, safeEval): evalsha, and eval on NOSCRIPT. */
async function safeEval(redis: ReturnType<typeof createIoredisScriptAdapter>, script: string, keys: string[], args: unknown[]) {
  try {
    return await redis.evalsha(sha1(script), keys, args);
  } catch (error) {
    if (`${error}`.includes("NOSCRIPT")) return await redis.eval(script, keys, args);
    throw error;
  }
}

describe("ioredis adapter for @upstash/ratelimit", () => {
  it("strips only a leading shebang line", () => {
    expect(stripScriptFlags(SCRIPT)).toBe(STRIPPED);
    expect(stripScriptFlags(STRIPPED)).toBe(STRIPPED);
  });

  it("answers NOSCRIPT from evalsha before the script is loaded, without calling Redis", async () => {
    const { client, calls } = fakeRedis();
    const adapter = createIoredisScriptAdapter(client as ScriptingClient);
    await expect(adapter.evalsha(sha1(SCRIPT), ["k"], [7])).rejects.toThrow(/NOSCRIPT/);
    expect(calls).toEqual([]);
  });

  it("eval loads the stripped script and runs it by its own sha, with ioredis' positional arguments", async () => {
    const { client, calls } = fakeRedis();
    const adapter = createIoredisScriptAdapter(client as ScriptingClient);
    expect(await adapter.eval(SCRIPT, ["k1", "k2"], [7, "x"])).toEqual([7, 1]);
    expect(calls).toEqual([
      ["script", "LOAD", STRIPPED],
      ["evalsha", sha1(STRIPPED), 2, "k1", "k2", 7, "x"],
    ]);
  });

  it("after loading, evalsha with the library's sha runs the stripped script", async () => {
    const { client, calls } = fakeRedis();
    const adapter = createIoredisScriptAdapter(client as ScriptingClient);
    await adapter.eval(SCRIPT, ["k"], [1]);
    calls.length = 0;
    expect(await adapter.evalsha(sha1(SCRIPT), ["k"], [9])).toEqual([9, 1]);
    expect(calls).toEqual([["evalsha", sha1(STRIPPED), 1, "k", 9]]);
  });

  it("follows the library's flow: first call falls back to eval, later calls go straight to evalsha", async () => {
    const { client, calls } = fakeRedis();
    const adapter = createIoredisScriptAdapter(client as ScriptingClient);
    expect(await safeEval(adapter, SCRIPT, ["k"], [3])).toEqual([3, 1]);
    expect(await safeEval(adapter, SCRIPT, ["k"], [4])).toEqual([4, 1]);
    expect(calls.map((c) => c[0])).toEqual(["script", "evalsha", "evalsha"]);
    expect(calls.some((c) => c[0] === "eval")).toBe(false); // the flagged script never reaches Redis
  });

  it("recovers when Redis forgets its scripts (restart, SCRIPT FLUSH)", async () => {
    const { client, calls } = fakeRedis();
    const adapter = createIoredisScriptAdapter(client as ScriptingClient);
    await safeEval(adapter, SCRIPT, ["k"], [1]);
    client.flush();
    calls.length = 0;
    expect(await safeEval(adapter, SCRIPT, ["k"], [5])).toEqual([5, 1]);
    expect(calls.map((c) => c[0])).toEqual(["evalsha", "script", "evalsha"]);
  });

  it("passes other errors through", async () => {
    const { client } = fakeRedis();
    client.evalsha = async () => {
      throw new Error("ERR wrong number of arguments");
    };
    const adapter = createIoredisScriptAdapter(client as ScriptingClient);
    await expect(safeEval(adapter, SCRIPT, ["k"], [1])).rejects.toThrow("ERR wrong number");
  });

  it("maps null arguments (the library's reset script) to empty strings", async () => {
    const { client, calls } = fakeRedis();
    const adapter = createIoredisScriptAdapter(client as ScriptingClient);
    await adapter.eval(SCRIPT, ["pattern:*"], [null]);
    expect(calls.at(-1)).toEqual(["evalsha", sha1(STRIPPED), 1, "pattern:*", ""]);
  });

  it("the library's real scripts carry the flags line and are hashed as shipped", async () => {
    // Guards the adapter's assumption if @upstash/ratelimit changes how it names scripts.
    const fs = await import("node:fs");
    const path = await import("node:path");
    const dist = fs.readFileSync(path.resolve("node_modules/@upstash/ratelimit/dist/index.mjs"), "utf8");
    const body = /var slidingWindowLimitScript = `([\s\S]*?)`;/.exec(dist)?.[1];
    expect(body?.startsWith("#!lua flags=allow-key-locking\n")).toBe(true);
    expect(dist).toContain(`hash: "${sha1(body!)}"`);
    expect(dist).toMatch(/ctx\.redis\.evalsha\(script\.hash, keys, args\)/);
    expect(dist).toMatch(/includes\("NOSCRIPT"\)\)\s*\{\s*return await ctx\.redis\.eval\(script\.script, keys, args\)/);
  });
});
