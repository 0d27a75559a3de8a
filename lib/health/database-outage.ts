import "server-only";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { checkHealth } from "./check-health";

/**
 * While the database is down, pages answer at once with a calm 503 (proxy.ts) instead of every
 * request waiting for the timeouts. A request that meets the outage marks it here (through
 * instrumentation.ts); the proxy then probes at most every few seconds, and clears the mark as soon
 * as the database answers. Kept on globalThis: the proxy and the pages are separate bundles of one process.
 */
export interface OutageMark {
  since: number;
  /** Resolves true while the database is still unreachable (probes at most every PROBE_EVERY_MS). */
  stillDown: () => Promise<boolean>;
}

const PROBE_EVERY_MS = 3_000;
const holder = globalThis as unknown as { __carebridgeOutage?: OutageMark };

export function noteDatabaseError(error: unknown): void {
  if (!isDatabaseUnavailable(error) || holder.__carebridgeOutage) return;
  let lastProbe = Date.now();
  let lastAnswer = true;
  let probing: Promise<boolean> | null = null;
  holder.__carebridgeOutage = {
    since: Date.now(),
    stillDown: async () => {
      if (Date.now() - lastProbe < PROBE_EVERY_MS) return lastAnswer;
      probing ??= checkHealth()
        .then((h) => h.database !== "ok")
        .finally(() => {
          lastProbe = Date.now();
          probing = null;
        });
      lastAnswer = await probing;
      if (!lastAnswer) holder.__carebridgeOutage = undefined;
      return lastAnswer;
    },
  };
}
