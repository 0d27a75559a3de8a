import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { clientInfoFromHeaders } from "@/lib/request/client-info";
import { beginStaffSignIn } from "./two-factor/begin-staff-sign-in";
import { completeStaffSignIn } from "./two-factor/complete-staff-sign-in";

class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "rate_limited" | "locked" | "no_access" | "unavailable") {
    super();
    this.code = code;
  }
}

const ticketSchema = z.object({ ticket: z.string().min(20).max(100) });
const credentialsSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

// A fixed secret only for local development, so `npm run dev` works on a fresh clone.
// Production refuses to start without AUTH_SECRET (Auth.js throws MissingSecret).
export const authSecret = process.env.AUTH_SECRET ?? (process.env.NODE_ENV === "production" ? undefined : "carebridge-development-only-secret-do-not-use");

// No `auth()` export: the staff guard and sign-out read the cookie with readStaffSessionToken
// (session-token.ts); Auth.js's auth() would also encrypt a fresh cookie no page can set.
export const { handlers, signIn, signOut } = NextAuth({
  secret: authSecret,
  trustHost: true,
  // Credentials need the JWT strategy. The token carries ids only: the user and the auth session
  // (a staff_auth_sessions row). The row, membership and role are read on every request
  // (lib/auth/staff-actor.ts), so sign-out, revocation, idle logoff and leaving take effect at once.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A refused sign-in is expected and already audited; don't fill the logs with its stack.
    error(error) {
      // `type`, not `name`: the minified production build renames the subclass.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    // The sign-in form checks the password (and the second factor) first (lib/auth/two-factor/) and
    // hands over the single-use ticket that produced. A password posted here directly goes through
    // the same throttled check, and is refused for anyone with a second factor: the password alone
    // never yields their session.
    Credentials({
      credentials: { ticket: {}, email: {}, password: {} },
      async authorize(raw, request) {
        const client = clientInfoFromHeaders(request.headers);
        try {
          const byTicket = ticketSchema.safeParse(raw);
          let ticket = byTicket.success ? byTicket.data.ticket : null;
          if (!ticket) {
            const parsed = credentialsSchema.safeParse(raw);
            if (!parsed.success) throw new SignInRefused("invalid");
            const begun = await beginStaffSignIn({ ...parsed.data, client });
            if (!begun.ok) throw new SignInRefused(begun.reason);
            if (begun.secondFactor) throw new SignInRefused("invalid");
            ticket = begun.ticket;
          }
          const done = await completeStaffSignIn({ ticket, client });
          if (!done) throw new SignInRefused("invalid");
          return { id: done.userId, authSessionId: done.authSessionId };
        } catch (e) {
          // A database outage is not a wrong password: the form says the service is unavailable.
          if (isDatabaseUnavailable(e)) {
            console.error("Database unavailable during sign-in");
            throw new SignInRefused("unavailable");
          }
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.asid = user.authSessionId;
      }
      return { sub: token.sub, asid: token.asid, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.authSessionId = typeof token.asid === "string" ? token.asid : null;
      return session;
    },
  },
});
