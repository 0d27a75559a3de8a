import "server-only";
import { timingSafeEqual } from "node:crypto";

/**
 * Whether the request carries one of `secrets` as its bearer token, compared in constant time
 * (unset secrets never match). For the routes a cron job calls.
 */
export function bearerMatches(request: Request, secrets: (string | null | undefined)[]): boolean {
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!given) return false;
  return secrets.some((secret) => Boolean(secret) && sameSecret(secret!, given));
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
