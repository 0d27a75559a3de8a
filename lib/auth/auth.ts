import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { clientInfoFromHeaders } from "@/lib/request/client-info";
import { startAuthSession } from "./auth-sessions/start-auth-session";
import { verifyStaffCredentials } from "./verify-staff-credentials";

class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "rate_limited" | "locked" | "no_access" | "unavailable") {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

// A fixed secret only for local development, so `npm run dev` works on a fresh clone.
// Production refuses to start without AUTH_SECRET (Auth.js throws MissingSecret).
const secret = process.env.AUTH_SECRET ?? (process.env.NODE_ENV === "production" ? undefined : "carebridge-development-only-secret-do-not-use");

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret,
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
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("invalid");
        const client = clientInfoFromHeaders(request.headers);
        let result: Awaited<ReturnType<typeof verifyStaffCredentials>>;
        try {
          result = await verifyStaffCredentials({ ...parsed.data, client });
        } catch (e) {
          // A database outage is not a wrong password: the form says the service is unavailable.
          if (isDatabaseUnavailable(e)) {
            console.error("Database unavailable during sign-in");
            throw new SignInRefused("unavailable");
          }
          throw e;
        }
        if (!result.ok) throw new SignInRefused(result.reason);
        const authSessionId = await startAuthSession({ userId: result.userId, organisationId: result.organisationId, client });
        return { id: result.userId, authSessionId };
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
