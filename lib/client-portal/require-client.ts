import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { portalClientForToken } from "./portal-sessions";
import { findPortalProfile, type PortalProfileAccess } from "./portal-profiles";
import { PORTAL_COOKIE, type PortalClient } from "./types";

// Per request only (React cache): never across requests.
const currentClient = cache(async (): Promise<PortalClient | null> => {
  const jar = await cookies();
  return portalClientForToken(jar.get(PORTAL_COOKIE)?.value);
});

/** Guard for every client-portal page: the signed-in client, or a redirect to the portal sign-in. */
export async function requireClientAccount(): Promise<PortalClient> {
  const client = await currentClient();
  if (client) return client;
  const back = (await headers()).get("x-carebridge-path") ?? "/portal";
  redirect(`/portal/sign-in?${new URLSearchParams({ callbackUrl: back.startsWith("/portal") ? back : "/portal" })}`);
}

/** For portal server actions: the client, or `unauthenticated`. */
export async function getClientOrThrow(): Promise<PortalClient> {
  const client = await currentClient();
  if (!client) throw new AppError("unauthenticated");
  return client;
}

/**
 * The client-portal guard for one profile: the signed-in client must have been given this profile
 * (accepted, not revoked). A profile they were not given looks like one that does not exist.
 */
export async function requireClient(profileId: string): Promise<{ client: PortalClient; profile: PortalProfileAccess }> {
  const client = await requireClientAccount();
  const profile = await findPortalProfile(client, profileId);
  if (!profile) notFound();
  return { client, profile };
}
