import { z } from "zod";

const uuid = z.uuid();

/**
 * A well-formed UUID (RFC 9562 layout). Every id from a URL or a form is checked with this before
 * it reaches PostgreSQL, which refuses anything else with an error (a 500) rather than "no row".
 */
export function isUuid(v: unknown): v is string {
  return uuid.safeParse(v).success;
}
