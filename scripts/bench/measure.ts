// Timing helpers for the benchmark: samples, percentiles, and ratios taken side by side.

export interface Timing {
  p50: number;
  p95: number;
  samples: number[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function timingOf(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted };
}

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * Runs `subject` and `baseline` alternately (after a warm-up), so both see the same machine load,
 * and returns both timings. Each call gets the iteration number (to rotate through inputs).
 */
export async function sideBySide(
  subject: (i: number) => Promise<unknown>,
  baseline: (i: number) => Promise<unknown>,
  iterations: number,
): Promise<{ subject: Timing; baseline: Timing }> {
  const warm = Math.max(3, Math.floor(iterations / 10));
  for (let i = 0; i < warm; i++) {
    await subject(i);
    await baseline(i);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      a.push(await timeOnce(() => subject(i)));
      b.push(await timeOnce(() => baseline(i)));
    } else {
      b.push(await timeOnce(() => baseline(i)));
      a.push(await timeOnce(() => subject(i)));
    }
  }
  return { subject: timingOf(a), baseline: timingOf(b) };
}

export async function timed(fn: (i: number) => Promise<unknown>, iterations: number): Promise<Timing> {
  for (let i = 0; i < Math.max(3, Math.floor(iterations / 10)); i++) await fn(i);
  const s: number[] = [];
  for (let i = 0; i < iterations; i++) s.push(await timeOnce(() => fn(i)));
  return timingOf(s);
}

export interface ResultRow {
  measure: string;
  measured: string;
  goal: string;
  /** null: not measured in this run; "reference": printed to be watched, not one of the goals. */
  pass: boolean | null | "reference";
  detail?: string;
}

export function printTable(rows: ResultRow[]): void {
  const cells = rows.map((r) => [r.measure, r.measured, r.goal, r.pass === null ? "SKIP" : r.pass === "reference" ? "REF" : r.pass ? "PASS" : "MISS"]);
  const head = ["measure", "measured", "goal", "result"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const [i, c] of cells.entries()) {
    console.log(line(c));
    if (rows[i]!.detail) console.log(`    ${rows[i]!.detail}`);
  }
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
export const ratio = (n: number) => `${n.toFixed(2)}×`;
