import "next-auth";

// The auth token and session carry ids only; everything else is read from the database per request.
declare module "next-auth" {
  interface User {
    organisationId?: string;
  }
  interface Session {
    organisationId: string | null;
  }
}
