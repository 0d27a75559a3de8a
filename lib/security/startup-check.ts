/**
 * Configuration production cannot run without. Checked when the server starts
 * (instrumentation.ts), not at build time: `next build` needs no secrets.
 * No `server-only` import: instrumentation is not compiled as a React server module.
 */
export function missingProductionConfig(env: Record<string, string | undefined>): string | null {
  if (env.NODE_ENV !== "production") return null;
  if (!env.AUTH_SECRET?.trim()) {
    return (
      "Carebridge refuses to start: AUTH_SECRET is not set. It signs staff sign-ins and is the root " +
      "from which the sharing-portal keys are derived. Set AUTH_SECRET to a long random value " +
      "(for example `openssl rand -base64 32`) and start again."
    );
  }
  return null;
}
