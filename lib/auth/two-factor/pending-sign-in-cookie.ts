import "server-only";
import { cookies } from "next/headers";
import { PENDING_SIGN_IN_MINUTES } from "./codes";

/**
 * The ticket of a sign-in waiting for its code travels in an httpOnly cookie scoped to /sign-in,
 * never in a URL (which would land in history and logs). It is worthless without the code.
 */
const NAME = "carebridge-pending-sign-in";

export async function setPendingSignIn(ticket: string): Promise<void> {
  (await cookies()).set(NAME, ticket, {
    httpOnly: true,
    secure: process.env.NODE_ENV === "production" && !process.env.APP_URL?.startsWith("http://"),
    sameSite: "lax",
    path: "/sign-in",
    maxAge: PENDING_SIGN_IN_MINUTES * 60,
  });
}

export async function readPendingSignIn(): Promise<string | null> {
  const value = (await cookies()).get(NAME)?.value;
  return value && value.length <= 100 ? value : null;
}

export async function clearPendingSignIn(): Promise<void> {
  (await cookies()).delete({ name: NAME, path: "/sign-in" });
}
