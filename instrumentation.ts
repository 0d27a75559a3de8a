import { missingProductionConfig } from "@/lib/security/startup-check";

// Runs once when a server starts. A production server without its root secret must not start:
// Auth.js would refuse every sign-in, and the sharing portal has no key to sign or derive with.
export function register() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const problem = missingProductionConfig(process.env);
  if (!problem) return;
  console.error(problem);
  if (process.env.NEXT_RUNTIME === "nodejs") process.exit(1);
  throw new Error(problem);
}
