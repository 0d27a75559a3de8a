import "server-only";
import { cookies } from "next/headers";
import { getClientInfo } from "@/lib/request/client-info";
import { shareCookieName } from "./share-cookie";
import { requireShareAccess } from "./share-access";

/** For portal pages and route handlers: the share this browser is verified for, and who is calling. */
export async function currentShareAccess(shareId: string) {
  const client = await getClientInfo();
  const row = await requireShareAccess(shareId, await shareCookieValue(shareId));
  return { row, client };
}

/** The signed portal cookie this browser holds for the share, if any (checked by the caller). */
export async function shareCookieValue(shareId: string): Promise<string | undefined> {
  return (await cookies()).get(shareCookieName(shareId))?.value;
}
