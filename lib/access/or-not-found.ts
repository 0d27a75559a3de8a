import "server-only";
import { notFound } from "next/navigation";
import { AppError, type ErrorCode } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

/**
 * For pages: a domain refusal (any AppError, or only the given codes) shows the one
 * "not found or no access" page; anything else is a real error and goes to the error page.
 */
export async function orNotFound<T>(pending: Promise<T>, codes?: readonly ErrorCode[]): Promise<T> {
  try {
    return await pending;
  } catch (e) {
    if (e instanceof AppError && (!codes || codes.includes(e.code))) notFound();
    throw e;
  }
}

/** For pages and route handlers: an id from the URL that is not a UUID names nothing, so "not found". */
export function idOrNotFound(id: string): string {
  if (!isUuid(id)) notFound();
  return id;
}
