import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { loadStaffActor } from "./load-staff-actor";

type StaffLookup = { actor: StaffActor } | { actor: null; reason: "signed_out" | "membership_ended" };

// Per request only (React cache): never across requests, so a leaver is refused at their next one.
const currentStaff = cache(async (): Promise<StaffLookup> => {
  const authn = await auth();
  const userId = authn?.user?.id;
  const organisationId = authn?.organisationId;
  if (!userId || !organisationId) return { actor: null, reason: "signed_out" };
  const actor = await loadStaffActor(userId, organisationId);
  if (actor) return { actor };
  const db = await getDb();
  await recordAudit(db, { organisationId, actor: { type: "user", id: userId }, action: "access.refused", metadata: { reason: "membership_not_active" } });
  return { actor: null, reason: "membership_ended" };
});

/**
 * The guard for every page, server action and route handler of the staff app.
 * Pages: redirects to sign-in (returning here afterwards). Use `getStaff()` where a redirect is wrong.
 */
export async function requireStaff(): Promise<StaffActor> {
  const found = await currentStaff();
  if (found.actor) return found.actor;
  const h = await headers();
  const back = h.get("x-carebridge-path") ?? "/";
  const params = new URLSearchParams({ callbackUrl: back });
  if (found.reason === "membership_ended") params.set("reason", "ended");
  redirect(`/sign-in?${params}`);
}

/** For route handlers: the actor, or an `unauthenticated` error. */
export async function getStaffOrThrow(): Promise<StaffActor> {
  const found = await currentStaff();
  if (!found.actor) throw new AppError("unauthenticated");
  return found.actor;
}
