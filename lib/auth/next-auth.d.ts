import "next-auth";

// The auth token and session carry ids only: the user and the auth session (a row in
// staff_auth_sessions, which holds the active organisation). Everything else is read per request.
declare module "next-auth" {
  interface User {
    authSessionId?: string;
  }
  interface Session {
    authSessionId: string | null;
  }
}
