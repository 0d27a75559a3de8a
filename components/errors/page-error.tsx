"use client";

import { useEffect, useState } from "react";

/**
 * What an error boundary shows. The error's message never reaches the browser (it can carry patient
 * data), so when the cause may be the database, /api/health says whether it is reachable: if not,
 * the calm "try again in a minute" text instead of "something went wrong".
 */
export function PageError({ reset }: { reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then(async (r) => (r.ok ? null : ((await r.json()) as { database?: string })))
      .then((h) => live && setDatabaseDown(h?.database === "unreachable"))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-6">
      <h2 className="text-lg font-semibold text-slate-900">{databaseDown ? "Carebridge can't reach its database right now — try again in a minute." : "Something went wrong"}</h2>
      <p className="mt-2 text-sm text-slate-600">We couldn&apos;t load this page. Nothing you saved was lost. Please try again.</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
      >
        Try again
      </button>
    </div>
  );
}
