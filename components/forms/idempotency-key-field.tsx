"use client";

import { useEffect, useRef, useState } from "react";

/** A random UUID (v4), also outside secure contexts, where crypto.randomUUID is missing. */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The hidden idempotency key of a create form (see lib/idempotency/once.ts): made when the form
 * renders, so a double click, a retry or a second tab sends the same key and the server does the
 * work once. The server-rendered key is kept through hydration (React never writes the value on
 * the client), so a click before hydration and one after still match. `resetOn` (the form state's
 * savedAt) takes a fresh key after each success, for forms that stay open for the next one.
 */
export function IdempotencyKeyField({ resetOn }: { resetOn?: unknown }) {
  const ref = useRef<HTMLInputElement>(null);
  const [serverKey] = useState(() => (typeof window === "undefined" ? newKey() : undefined));
  const seen = useRef(resetOn);
  useEffect(() => {
    // Rendered on the client only (after a client-side navigation): no server key to keep.
    if (ref.current && !ref.current.value) ref.current.value = newKey();
  }, []);
  useEffect(() => {
    if (seen.current === resetOn) return;
    seen.current = resetOn;
    if (ref.current) ref.current.value = newKey();
  }, [resetOn]);
  return <input ref={ref} type="hidden" name="idempotencyKey" defaultValue={serverKey} suppressHydrationWarning />;
}
