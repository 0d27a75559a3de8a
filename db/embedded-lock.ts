import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";

/**
 * One process at a time on the embedded database. PGlite has no locking of its own: two processes
 * writing one data directory lose and duplicate rows. The lock is a file beside the data directory
 * (`.data/pglite.lock`), created atomically (O_EXCL), holding the owner's pid and command, and a
 * random secret with which commands run beside the app (`npm run outbox:deliver`) ask the app's own
 * route to do the work. A lock whose process is gone (kill -9, crash) is stale and taken over.
 */
export interface EmbeddedLockOwner {
  pid: number;
  command: string;
  secret: string;
}

export class EmbeddedDatabaseInUse extends Error {
  declare readonly owner: { pid: number; command: string };
  constructor(owner: EmbeddedLockOwner) {
    super(`The embedded database is in use by process ${owner.pid} (${owner.command}). Stop it, or set DATABASE_URL.`);
    // Not enumerable, and without the lock's secret: Node prints an uncaught error's own properties.
    Object.defineProperty(this, "owner", { value: { pid: owner.pid, command: owner.command }, enumerable: false });
    // An expected situation with its own instructions: a stack trace would only bury them.
    Object.defineProperty(this, "stack", { value: this.message, enumerable: false });
  }
}
Object.defineProperty(EmbeddedDatabaseInUse.prototype, "name", { value: "EmbeddedDatabaseInUse" });

export function lockPathFor(dataDir: string): string {
  return `${dataDir.replace(/[/\\]+$/, "")}.lock`;
}

/** How people start this process, for the message the second one gets ("npm run dev"). */
function describeCommand(): string {
  const script = process.env.npm_lifecycle_event;
  if (script && script !== "npx") return `npm run ${script}`;
  // `next start` names its server process ("next-server (v16…)").
  if (process.title && !/(^|\/)node$/.test(process.title)) return process.title;
  return process.argv.slice(1, 3).map((a) => a.split(/[/\\]/).slice(-2).join("/")).join(" ") || "node";
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): EmbeddedLockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<EmbeddedLockOwner>;
    if (typeof parsed.pid !== "number") return null;
    return { pid: parsed.pid, command: String(parsed.command ?? "unknown"), secret: String(parsed.secret ?? "") };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    // Half-written or unreadable: treat as a lock held by nobody we can name.
    return { pid: -1, command: "unknown", secret: "" };
  }
}

/** The live process holding the embedded database, if any (for commands that must go through it). */
export function embeddedLockOwner(dataDir: string): EmbeddedLockOwner | null {
  const owner = readOwner(lockPathFor(dataDir));
  return owner && isAlive(owner.pid) ? owner : null;
}

const held = globalThis as unknown as { __carebridgeLocks?: Map<string, EmbeddedLockOwner> };

/**
 * Takes the lock for `dataDir` or throws EmbeddedDatabaseInUse. Re-entrant within one process
 * (a dev hot reload re-evaluates modules but keeps the pid).
 */
export function acquireEmbeddedLock(dataDir: string): EmbeddedLockOwner {
  const lockPath = lockPathFor(dataDir);
  held.__carebridgeLocks ??= new Map();
  const mine = held.__carebridgeLocks.get(lockPath);
  if (mine && readOwner(lockPath)?.pid === process.pid) return mine;

  const me: EmbeddedLockOwner = { pid: process.pid, command: describeCommand(), secret: randomBytes(32).toString("base64url") };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // O_EXCL: of two processes starting together, exactly one creates the file. 0600: the secret.
      const fd = openSync(lockPath, "wx", 0o600);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      held.__carebridgeLocks.set(lockPath, me);
      releaseOnExit(lockPath);
      return me;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const owner = readOwner(lockPath);
    if (!owner) continue; // released between our two calls: try again
    if (owner.pid === process.pid) {
      // Ours from an earlier module instance of this same process.
      held.__carebridgeLocks.set(lockPath, owner);
      return owner;
    }
    if (owner.pid === -1) {
      // Being written right now by its creator, or corrupt: give the writer a moment.
      sleepSync(100);
      if (readOwner(lockPath)?.pid !== -1) continue;
    } else if (isAlive(owner.pid)) {
      throw new EmbeddedDatabaseInUse(owner);
    }
    // Stale: move it aside (atomic), then check we moved the stale one, not a fresh lock someone
    // else created after their own takeover; if so, put theirs back and stand down.
    const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      renameSync(lockPath, aside);
    } catch {
      continue;
    }
    const moved = readOwner(aside);
    if (moved && moved.pid !== owner.pid && isAlive(moved.pid)) {
      try {
        renameSync(aside, lockPath);
      } catch {
        /* nothing to restore onto */
      }
      throw new EmbeddedDatabaseInUse(moved);
    }
    try {
      unlinkSync(aside);
    } catch {
      /* already gone */
    }
  }
  const owner = readOwner(lockPath);
  throw new EmbeddedDatabaseInUse(owner ?? { pid: -1, command: "unknown", secret: "" });
}

/** The secret of the lock this process holds on `dataDir` (null if it holds none, or lost it). */
export function heldLockSecret(dataDir: string): string | null {
  const lockPath = lockPathFor(dataDir);
  const mine = held.__carebridgeLocks?.get(lockPath);
  if (!mine) return null;
  const onDisk = readOwner(lockPath);
  return onDisk?.pid === process.pid && onDisk.secret === mine.secret ? mine.secret : null;
}

/** Removes the lock file if it is still ours. */
export function releaseEmbeddedLock(dataDir: string): void {
  release(lockPathFor(dataDir));
}

function release(lockPath: string): void {
  held.__carebridgeLocks?.delete(lockPath);
  if (readOwner(lockPath)?.pid !== process.pid) return;
  try {
    unlinkSync(lockPath);
  } catch {
    /* already gone */
  }
}

const exitHooks = globalThis as unknown as { __carebridgeLockExitHooks?: Set<string> };

function releaseOnExit(lockPath: string): void {
  exitHooks.__carebridgeLockExitHooks ??= new Set();
  if (exitHooks.__carebridgeLockExitHooks.has(lockPath)) return;
  exitHooks.__carebridgeLockExitHooks.add(lockPath);
  process.once("exit", () => release(lockPath));
  // Ctrl-C / kill: release, then let the signal do what it would have done without us (unless
  // the app, e.g. Next's server, handles it itself and exits — which runs the exit hook above).
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      release(lockPath);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.once(signal, onSignal);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
