"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

const WARN_BEFORE_MS = 60_000;

type Status = { idleTimeoutMinutes: number; lastActiveAt: string; now: string } | { error: string; idleMinutes: number | null };

async function askServer(method: "GET" | "POST"): Promise<Status | null> {
  try {
    const res = await fetch("/api/auth-session", { method, cache: "no-store", headers: { accept: "application/json" } });
    return (await res.json()) as Status;
  } catch {
    return null; // offline or a hiccup
  }
}

/**
 * Automatic logoff, the browser's half. The server ends an idle sign-in at its next request; this
 * asks the server (GET /api/auth-session, which does not count as activity) a minute before the
 * deadline, since another tab or a server action may have kept the sign-in alive, then warns with
 * "Stay signed in" (POST, which does count). When time is up it asks again: the server ends the
 * sign-in, and the person lands on sign-in with the reason.
 */
export function IdleWarning({ idleTimeoutMinutes }: { idleTimeoutMinutes: number }) {
  const pathname = usePathname();
  const router = useRouter();
  const timeoutMs = idleTimeoutMinutes * 60_000;
  // Bumped by "Stay signed in": restarts the clock like a navigation does.
  const [generation, setGeneration] = useState(0);
  const [warning, setWarning] = useState<{ until: number; path: string } | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(60);
  const titleId = useId();
  const stayRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  // Each navigation reached the server, which counted it as activity: the clock starts again.
  useEffect(() => {
    let cancelled = false;
    let timer: number | undefined;
    const later = (ms: number, fn: () => void) => {
      timer = window.setTimeout(fn, Math.max(ms, 0));
    };
    const signInAgain = (idleMinutes: number | null) => {
      const params = new URLSearchParams({ callbackUrl: window.location.pathname + window.location.search });
      if (idleMinutes) {
        params.set("reason", "idle");
        params.set("minutes", String(idleMinutes));
      }
      router.replace(`/sign-in?${params}`);
    };
    const check = async () => {
      const status = await askServer("GET");
      if (cancelled) return;
      if (!status) return later(15_000, () => void check());
      if ("error" in status) return signInAgain(status.idleMinutes);
      const remaining = new Date(status.lastActiveAt).getTime() + status.idleTimeoutMinutes * 60_000 - new Date(status.now).getTime();
      if (remaining > WARN_BEFORE_MS) {
        setWarning(null);
        return later(remaining - WARN_BEFORE_MS, () => void check());
      }
      const until = Date.now() + remaining;
      setSecondsLeft(Math.max(0, Math.ceil(remaining / 1000)));
      setWarning({ until, path: window.location.pathname });
      later(remaining + 1_000, () => void check());
    };
    later(timeoutMs - WARN_BEFORE_MS, () => void check());
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [pathname, timeoutMs, generation, router]);

  const shown = warning !== null && warning.path === pathname;
  useEffect(() => {
    if (!shown) return;
    // A modal <dialog>: the page behind is inert, so Tab stays on "Stay signed in".
    if (dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
    stayRef.current?.focus();
    const until = warning.until;
    const interval = window.setInterval(() => setSecondsLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000))), 1000);
    return () => window.clearInterval(interval);
  }, [shown, warning]);

  async function stay() {
    const status = await askServer("POST");
    if (status && "error" in status) {
      router.replace(`/sign-in?${new URLSearchParams(status.idleMinutes ? { reason: "idle", minutes: String(status.idleMinutes) } : {})}`);
      return;
    }
    setWarning(null);
    setGeneration((g) => g + 1);
  }

  if (!shown) return null;
  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-labelledby={titleId}
      data-print="hide"
      // Escape means "I'm here": it keeps the person signed in rather than leaving the warning up.
      onCancel={(e) => {
        e.preventDefault();
        void stay();
      }}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-lg backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="text-base font-semibold text-slate-900">
        You&apos;ll be signed out soon
      </h2>
      <p className="mt-2 text-sm text-slate-700">
        For your clients&apos; privacy you are signed out after {idleTimeoutMinutes} minutes without activity. You&apos;ll be signed out in{" "}
        <span className="font-medium tabular-nums">{secondsLeft}</span> seconds.
      </p>
      <div className="mt-5 flex justify-end">
        <Button ref={stayRef} onClick={() => void stay()}>
          Stay signed in
        </Button>
      </div>
    </dialog>
  );
}
