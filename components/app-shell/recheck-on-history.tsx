"use client";

import { useEffect } from "react";

// Pages of one record (a session, a chart, a document, a contact, a member…): /area/<uuid>…
const RECORD_PAGE = /^\/(?:sessions|clients|documents|contacts|settings\/(?:members|roles|teams))\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\/|$)/i;

/**
 * Back and Forward to a record's page ask the server again instead of showing the copy the
 * browser (or Next's client cache) kept: access may have been removed since, and the person
 * must then see "not found", not the notes they can no longer open. The listener captures, so it
 * runs before the router's (which would paint the cached page first) and stops it.
 */
export function RecheckOnHistory() {
  useEffect(() => {
    const onPopState = (e: PopStateEvent) => {
      if (!RECORD_PAGE.test(window.location.pathname)) return;
      e.stopImmediatePropagation();
      window.location.reload();
    };
    // A page restored from the browser's back/forward cache runs no code on the server either.
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted && RECORD_PAGE.test(window.location.pathname)) window.location.reload();
    };
    window.addEventListener("popstate", onPopState, { capture: true });
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("popstate", onPopState, { capture: true });
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);
  return null;
}
