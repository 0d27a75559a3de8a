import "server-only";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { authSecret } from "./auth";

const SECURE_NAME = "__Secure-authjs.session-token";
const PLAIN_NAME = "authjs.session-token";

/**
 * The ids the staff session cookie carries (the user and the auth session), read the way Auth.js
 * reads them: the cookie its protocol names, decrypted with AUTH_SECRET, salted by the cookie's
 * name, expiry checked. Auth.js's own `auth()` also encrypts a fresh cookie on every call, which a
 * page cannot set anyway: that cost a fifth of a page view's CPU for nothing. The cookie proves
 * only who signed in; the auth-session row decides whether they still are (load-staff-actor.ts).
 */
export async function readStaffSessionToken(): Promise<{ userId: string; authSessionId: string } | null> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const name = usesSecureCookies(h) ? SECURE_NAME : PLAIN_NAME;
  // Auth.js splits a cookie over 4 KB into name.0, name.1, …; ours (two ids) never is, but read both.
  const token =
    jar.get(name)?.value ??
    jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((c) => c.value)
      .join("");
  if (!token || !authSecret) return null;
  try {
    const claims = await decode({ token, secret: authSecret, salt: name });
    const userId = claims?.sub;
    const authSessionId = claims?.asid;
    return typeof userId === "string" && userId && typeof authSessionId === "string" && authSessionId ? { userId, authSessionId } : null;
  } catch {
    // Tampered, expired or made with another secret: signed out, as Auth.js treats it.
    return null;
  }
}

/** As Auth.js decides it (createActionURL): AUTH_URL's protocol, else the forwarded protocol, else https. */
function usesSecureCookies(h: Headers): boolean {
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = envUrl ? new URL(envUrl).protocol : `${(h.get("x-forwarded-proto") ?? "https").replace(/:$/, "")}:`;
  return protocol === "https:";
}
