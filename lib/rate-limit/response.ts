import "server-only";
import { retryAfterText } from "./retry-after-text";
import type { LimitResult } from "./types";

/** "Too many attempts. Please try again in 5 minutes." */
export function retryAfterMessage(seconds: number): string {
  return `Too many attempts. Please try again ${retryAfterText(seconds)}.`;
}

/** A 429 for route handlers. no-store: a refusal must not be cached and served to someone else. */
export function tooManyRequests(result: LimitResult, body?: string): Response {
  const seconds = Math.max(1, result.retryAfterSeconds);
  return new Response(body ?? retryAfterMessage(seconds), {
    status: 429,
    headers: {
      "Retry-After": String(seconds),
      "Cache-Control": "no-store",
      "Content-Type": "text/plain; charset=utf-8",
    },
  });
}
