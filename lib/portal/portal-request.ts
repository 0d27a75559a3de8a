import "server-only";
import { cookies } from "next/headers";
import { getClientInfo } from "@/lib/request/client-info";
import { shareCookieName } from "./share-cookie";
import { requireShareAccess } from "./share-access";

/** For portal pages and route handlers: the share this browser is verified for, and who is calling. */
export async function currentShareAccess(shareId: string) {
  const jar = await cookies();
  const client = await getClientInfo();
  const row = await requireShareAccess(shareId, jar.get(shareCookieName(shareId))?.value);
  return { row, client };
}
