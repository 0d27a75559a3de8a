import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireEmbeddedLock, embeddedLockOwner, heldLockSecret, lockPathFor, releaseEmbeddedLock } from "@/db/embedded-lock";

function freshDir() {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "carebridge-lock-unit-")), "pglite");
}

/** The pid of a process that has exited: its lock is stale. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}

describe("the embedded database lock", () => {
  it("is a file beside the data directory holding the owner's pid, released on request", () => {
    const dir = freshDir();
    const me = acquireEmbeddedLock(dir);
    const onDisk = JSON.parse(readFileSync(lockPathFor(dir), "utf8"));
    expect(onDisk.pid).toBe(process.pid);
    expect(heldLockSecret(dir)).toBe(me.secret);
    expect(acquireEmbeddedLock(dir).secret).toBe(me.secret); // re-entrant in one process (dev hot reload)
    releaseEmbeddedLock(dir);
    expect(existsSync(lockPathFor(dir))).toBe(false);
    expect(heldLockSecret(dir)).toBeNull();
  });

  it("refuses while another live process holds it, naming the process", () => {
    const dir = freshDir();
    writeFileSync(lockPathFor(dir), JSON.stringify({ pid: process.ppid, command: "npm run dev", secret: "s" }));
    expect(() => acquireEmbeddedLock(dir)).toThrow(`The embedded database is in use by process ${process.ppid} (npm run dev). Stop it, or set DATABASE_URL.`);
    expect(embeddedLockOwner(dir)?.pid).toBe(process.ppid);
    expect(heldLockSecret(dir)).toBeNull();
  });

  it("takes over a lock whose process is gone (kill -9, crash)", () => {
    const dir = freshDir();
    writeFileSync(lockPathFor(dir), JSON.stringify({ pid: deadPid(), command: "npm run dev", secret: "old" }));
    expect(embeddedLockOwner(dir)).toBeNull();
    const me = acquireEmbeddedLock(dir);
    expect(me.pid).toBe(process.pid);
    expect(JSON.parse(readFileSync(lockPathFor(dir), "utf8")).secret).toBe(me.secret);
    releaseEmbeddedLock(dir);
  });
});
