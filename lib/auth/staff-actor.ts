import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import type { StaffActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";
import { loadStaffActorForAuthSession, type AuthSessionLookup } from "./load-staff-actor";
import { isRouterPrefetch } from "@/lib/request/router-prefetch";
import { readStaffSessionToken } from "./session-token";

/**
 * Per request only (React cache): never across requests, so a leaver, a signed-out device or an
 * idle session is refused at its next request. `activity` is false for background polling.
 */
const currentStaff = cache(async (activity: boolean): Promise<AuthSessionLookup> => {
  const token = await readStaffSessionToken();
  if (!token) return { actor: null, reason: "signed_out" };
  // A router prefetch is the browser's guess, not the person: it must not keep the session alive.
  return loadStaffActorForAuthSession({ ...token, activity: activity && !(await isRouterPrefetch()) });
});

/** Where a refused request goes: sign-in (or the required two-factor set-up), returning here afterwards, with the reason shown there. */
export function signInPathFor(found: Exclude<AuthSessionLookup, { actor: StaffActor }>, back: string): string {
  const params = new URLSearchParams({ callbackUrl: back });
  if (found.reason === "two_factor_setup") return `${TWO_FACTOR_SETUP_PATH}?${params}`;
  if (found.reason === "membership_ended") params.set("reason", "ended");
  if (found.reason === "idle") {
    params.set("reason", "idle");
    params.set("minutes", String(found.idleMinutes));
  }
  return `/sign-in?${params}`;
}

export const TWO_FACTOR_SETUP_PATH = "/two-factor";

/**
 * The guard for every page, server action and route handler of the staff app.
 * Pages: redirects to sign-in (returning here afterwards). Use `getStaff()` where a redirect is wrong.
 */
export async function requireStaff(): Promise<StaffActor> {
  const found = await currentStaff(true);
  if (found.actor) return found.actor;
  const h = await headers();
  redirect(signInPathFor(found, h.get("x-carebridge-path") ?? "/"));
}

/**
 * For route handlers: the actor, or an `unauthenticated` error. `{ activity: false }` for
 * background polling (the notification bell), which must not count as activity or the idle
 * timeout would never fire.
 */
export async function getStaffOrThrow(opts: { activity?: boolean } = {}): Promise<StaffActor> {
  const found = await currentStaff(opts.activity !== false);
  if (!found.actor) throw new AppError("unauthenticated");
  return found.actor;
}

/**
 * The one guard that lets in a member whose organisation requires two-factor sign-in before they
 * have set it up: for the set-up page and its actions only. Everything else uses requireStaff(),
 * which refuses them (its lookup gives no actor), so no other page or action is open to them.
 */
export async function requireStaffForTwoFactorSetup(): Promise<StaffActor> {
  const found = await currentStaff(true);
  if (found.actor) return found.actor;
  if (found.reason === "two_factor_setup") return found.restricted;
  const h = await headers();
  redirect(signInPathFor(found, h.get("x-carebridge-path") ?? "/"));
}

/** The guard's full answer (actor, or why not), for the idle-warning route that tells the browser. */
export function findStaff(opts: { activity: boolean }): Promise<AuthSessionLookup> {
  return currentStaff(opts.activity);
}
