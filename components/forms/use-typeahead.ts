"use client";

import { useEffect, useRef, useState } from "react";

export type TypeaheadStatus = "idle" | "searching" | "done" | "error";

/**
 * Search as the person types: waits for a short pause, runs `search` on the server, and keeps only
 * the answer to the latest query (a slow earlier answer never replaces a newer one). `search`
 * resolves null when the server refused or failed.
 */
export function useTypeahead<T>(query: string, search: (q: string) => Promise<T[] | null>, opts: { delayMs?: number; onResults?: (hits: T[] | null) => void } = {}) {
  const { delayMs = 200 } = opts;
  const onResults = useRef(opts.onResults);
  useEffect(() => {
    onResults.current = opts.onResults;
  });
  const [results, setResults] = useState<T[]>([]);
  const [status, setStatus] = useState<TypeaheadStatus>("idle");
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const ticket = ++latest.current;
    if (!q) return;
    const timer = setTimeout(async () => {
      setStatus("searching");
      const hits = await search(q).catch(() => null);
      if (ticket !== latest.current) return; // a newer query has been typed since
      setResults(hits ?? []);
      setStatus(hits ? "done" : "error");
      onResults.current?.(hits);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [query, search, delayMs]);

  function reset() {
    latest.current++;
    setResults([]);
    setStatus("idle");
  }

  return { results, status, reset };
}
