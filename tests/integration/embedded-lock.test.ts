import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockPathFor } from "@/db/embedded-lock";

// Two processes on one embedded database directory lost and duplicated rows: the second must be refused.
const writer = path.join(process.cwd(), "tests/support/embedded-writer.ts");

function run(args: string[], env: Record<string, string>, onLine?: (line: string) => void) {
  const child = spawn(process.execPath, ["--import", "tsx", writer, ...args], {
    env: { ...process.env, DATABASE_URL: "", npm_lifecycle_event: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d;
    for (const line of d.toString().split("\n")) if (line) onLine?.(line);
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

describe("the embedded database takes one process at a time", () => {
  it("refuses a second process with a clear message while the first writes, and loses no write", async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "carebridge-lock-")), "pglite");
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const first = run(["write", "300"], { PGLITE_DIR: dir, npm_lifecycle_event: "dev" }, (line) => line === "open" && opened());
    await isOpen;

    const second = await run(["write", "300"], { PGLITE_DIR: dir }).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`The embedded database is in use by process ${first.child.pid} (npm run dev). Stop it, or set DATABASE_URL.`);

    const firstResult = await first.done;
    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(existsSync(lockPathFor(dir))).toBe(false); // released on exit

    const count = await run(["count"], { PGLITE_DIR: dir }).done;
    expect(count.code, count.stderr).toBe(0);
    expect(JSON.parse(count.stdout.trim())).toEqual({ rows: 300, keys: 300 });
  }, 600_000); // two embedded-database starts (with migrations) on a busy shared machine
});
