import "server-only";
import { createHash } from "node:crypto";

/**
 * Lets @upstash/ratelimit run against a plain Redis through ioredis.
 *
 * The library calls only two methods on its client (dist/index.mjs, `safeEval`):
 *   await redis.evalsha(script.hash, keys, args)
 *   on an error whose text includes "NOSCRIPT": await redis.eval(script.script, keys, args)
 * where `script.hash` is the SHA-1 of the script text as shipped.
 *
 * Redis 7.0 rejects the scripts' first line `#!lua flags=allow-key-locking`, so
 * this adapter strips it, loads the stripped script itself, and remembers
 * original sha → stripped sha. Until a script is loaded, `evalsha` answers
 * NOSCRIPT, which sends the library to `eval`, which loads it.
 */

/** The slice of an ioredis client the adapter uses (ioredis' own positional signatures). */
export interface ScriptingClient {
  evalsha(sha: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  script(subcommand: "LOAD", script: string): Promise<unknown>;
}

/** The shape @upstash/ratelimit calls. */
export interface RatelimitScriptClient {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Drops a leading `#!lua …` shebang line; Redis then runs the script in its default (pre-7) mode. */
export function stripScriptFlags(script: string): string {
  return script.startsWith("#!") ? script.slice(script.indexOf("\n") + 1) : script;
}

// ioredis sends strings and numbers as given; the library's reset script passes `null`.
const toRedisArg = (value: unknown): string | number => (typeof value === "number" ? value : value == null ? "" : String(value));

export function createIoredisScriptAdapter(client: ScriptingClient): RatelimitScriptClient {
  const loaded = new Map<string, string>(); // sha of the library's script → sha of the stripped one

  const isNoScript = (error: unknown) => `${error}`.includes("NOSCRIPT");

  const run = (strippedSha: string, keys: string[], args: unknown[]) =>
    client.evalsha(strippedSha, keys.length, ...keys, ...args.map(toRedisArg));

  return {
    async evalsha(sha, keys, args) {
      const strippedSha = loaded.get(sha);
      // The same error text Redis gives, which is what the library matches on.
      if (!strippedSha) throw new Error("NOSCRIPT No matching script (not yet loaded by the Carebridge adapter).");
      try {
        return await run(strippedSha, keys, args);
      } catch (error) {
        // Redis restarted or SCRIPT FLUSH: forget it, and the library's eval fallback reloads it.
        if (isNoScript(error)) loaded.delete(sha);
        throw error;
      }
    },
    async eval(script, keys, args) {
      const stripped = stripScriptFlags(script);
      // SCRIPT LOAD rather than EVAL: newer Redis may evict EVAL-cached scripts, loaded ones stay.
      const strippedSha = String(await client.script("LOAD", stripped));
      loaded.set(sha1(script), strippedSha);
      return run(strippedSha, keys, args);
    },
  };
}
