import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { unstable_rethrow } from "next/navigation";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { signIn } from "../auth";

/**
 * Hands a sign-in ticket to Auth.js, which redeems it for an auth session and redirects (the
 * success path throws Next's redirect). Returns only when it could not: why, for the form.
 */
export async function signInWithTicket(ticket: string, redirectTo: string): Promise<"invalid" | "unavailable"> {
  try {
    await signIn("credentials", { ticket, redirectTo });
  } catch (e) {
    unstable_rethrow(e);
    if (e instanceof CredentialsSignin) return e.code === "unavailable" ? "unavailable" : "invalid";
    // Auth.js wraps what authorize() threw unexpectedly; a database outage is still not "incorrect".
    if (isDatabaseUnavailable(e)) return "unavailable";
    if (e instanceof AuthError) return "invalid";
    throw e;
  }
  return "invalid";
}
