"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, useTransition, type MouseEvent } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/(app)/notifications/actions";
import { Icon } from "@/components/app-shell/icons";
import { cn } from "@/components/ui/cn";
import type { NotificationJson, NotificationSummary } from "@/lib/notifications/types";
import { RelativeTime } from "./relative-time";

const POLL_MS = 30_000;

export type NotificationBellProps = {
  /** From the server layout, so the first paint already has the count. */
  initialUnread: number;
  initialLatest: NotificationJson[];
};

function countLabel(unread: number): string {
  return unread > 99 ? "99+" : String(unread);
}

/**
 * The header bell: unread count, and a panel with the latest notifications. Keeps itself current
 * without a reload: on every navigation, every 30 s while the tab is visible, and when the tab
 * becomes visible again (GET /api/notifications, never cached).
 */
export function NotificationBell({ initialUnread, initialLatest }: NotificationBellProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [summary, setSummary] = useState<NotificationSummary>({ unread: initialUnread, latest: initialLatest });
  // A server re-render of the layout (after a server action revalidates it) brings fresh props.
  const [fromServer, setFromServer] = useState(initialLatest);
  if (fromServer !== initialLatest) {
    setFromServer(initialLatest);
    setSummary({ unread: initialUnread, latest: initialLatest });
  }

  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [, startTransition] = useTransition();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const inflight = useRef<AbortController | null>(null);
  const signedOut = useRef(false);
  const knownUnread = useRef(initialUnread);
  const panelId = useId();
  const headingId = useId();

  const refresh = useCallback(async () => {
    if (signedOut.current) return;
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    try {
      const res = await fetch("/api/notifications", { cache: "no-store", signal: controller.signal, headers: { accept: "application/json" } });
      // Signed out or membership ended: stop asking; the next navigation goes to sign-in.
      if (res.status === 401) {
        signedOut.current = true;
        return;
      }
      if (!res.ok) return;
      const next = (await res.json()) as NotificationSummary;
      // Screen readers hear about new arrivals only, not every poll.
      if (next.unread > knownUnread.current) setAnnouncement(`${next.unread} unread ${next.unread === 1 ? "notification" : "notifications"}`);
      knownUnread.current = next.unread;
      setSummary(next);
    } catch {
      // Aborted, offline or a server hiccup: keep what is shown and try again at the next tick.
    } finally {
      if (inflight.current === controller) inflight.current = null;
    }
  }, []);

  // On navigation (not on the first render: the layout's data is fresh then).
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    void refresh();
  }, [pathname, refresh]);

  // Every 30 s while visible, and at once when the tab comes back.
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const timer = window.setInterval(tick, POLL_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
      inflight.current?.abort();
    };
  }, [refresh]);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  // While open: Escape closes (focus back to the bell), a press outside closes.
  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        close(true);
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!wrapperRef.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, close]);

  function toggle() {
    if (!open) void refresh();
    setOpen(!open);
  }

  function openItem(e: MouseEvent<HTMLAnchorElement>, item: NotificationJson) {
    const newTab = e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0;
    if (!item.readAt) {
      knownUnread.current = Math.max(0, knownUnread.current - 1);
      setSummary((prev) => ({
        unread: Math.max(0, prev.unread - 1),
        latest: prev.latest.map((n) => (n.id === item.id ? { ...n, readAt: new Date().toISOString() } : n)),
      }));
    }
    if (newTab) {
      if (!item.readAt) void markNotificationReadAction(item.id);
      return;
    }
    e.preventDefault();
    setOpen(false);
    startTransition(async () => {
      if (!item.readAt) await markNotificationReadAction(item.id);
      router.push(item.link);
    });
  }

  function markAll() {
    knownUnread.current = 0;
    // The button disables itself; keep focus inside the panel rather than dropping it on <body>.
    panelRef.current?.focus();
    setSummary((prev) => ({ unread: 0, latest: prev.latest.map((n) => (n.readAt ? n : { ...n, readAt: new Date().toISOString() })) }));
    startTransition(async () => {
      const result = await markAllNotificationsReadAction();
      if (!result.ok) await refresh();
    });
  }

  const { unread, latest } = summary;
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";

  return (
    <div
      ref={wrapperRef}
      className="relative"
      onBlur={(e) => {
        // Tabbing out of the panel closes it (a click elsewhere is handled by pointerdown).
        const to = e.relatedTarget as Node | null;
        if (open && to && !wrapperRef.current?.contains(to)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={toggle}
        className={cn(
          "relative flex size-9 items-center justify-center rounded-lg text-slate-600 transition-colors hover:bg-slate-100 hover:text-slate-900",
          "focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 focus-visible:outline-none",
          open && "bg-slate-100 text-slate-900",
        )}
      >
        <Icon name="bell" size={20} />
        {unread > 0 ? (
          <span
            aria-hidden="true"
            className="absolute top-0.5 right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-teal-700 px-1 text-[10px] leading-none font-semibold text-white ring-2 ring-white"
          >
            {countLabel(unread)}
          </span>
        ) : null}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {announcement}
      </span>

      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          className="fixed inset-x-3 top-14 z-40 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg outline-none sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-96"
        >
          <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
            <h2 id={headingId} className="text-sm font-semibold text-slate-900">
              Notifications
              {unread > 0 ? <span className="ml-1.5 font-normal text-slate-500">({unread} unread)</span> : null}
            </h2>
            <button
              type="button"
              onClick={markAll}
              disabled={unread === 0}
              className="rounded-md px-2 py-1 text-sm font-medium text-teal-800 hover:bg-teal-50 focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none disabled:cursor-default disabled:text-slate-600 disabled:hover:bg-transparent"
            >
              Mark all as read
            </button>
          </div>

          {latest.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-slate-600">You&apos;re all caught up. New notifications will appear here.</p>
          ) : (
            <ul className="max-h-[min(28rem,calc(100dvh-10rem))] divide-y divide-slate-100 overflow-y-auto">
              {latest.map((n) => (
                <li key={n.id}>
                  <a
                    href={n.link}
                    onClick={(e) => openItem(e, n)}
                    onAuxClick={(e) => {
                      if (e.button === 1) openItem(e, n); // middle click: a new tab
                    }}
                    className={cn(
                      "flex gap-3 px-4 py-3 text-sm transition-colors hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none focus-visible:ring-inset",
                      !n.readAt && "bg-teal-50/50",
                    )}
                  >
                    <span
                      aria-hidden="true"
                      className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.readAt ? "bg-transparent" : "bg-teal-600")}
                    />
                    <span className="min-w-0 flex-1">
                      {!n.readAt ? <span className="sr-only">Unread: </span> : null}
                      <span className={cn("block text-slate-800", !n.readAt && "font-medium text-slate-900")}>{n.text}</span>
                      <RelativeTime iso={n.createdAt} className="mt-0.5 block" />
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}

          <div className="border-t border-slate-200 bg-slate-50 px-4 py-2.5 text-center">
            <Link
              href="/notifications"
              onClick={() => setOpen(false)}
              className="rounded-md text-sm font-medium text-teal-800 underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:outline-none"
            >
              See all notifications
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
