import "server-only";
import { headers } from "next/headers";
import { ROUTER_PREFETCH_HEADER } from "./router-prefetch-header";

/**
 * Whether this request is the browser fetching ahead of a click, not the person asking. Only for
 * what the person loses by lying about it (their activity, which keeps them signed in): never to
 * skip an audit, as any client can send the header Next reads.
 */
export async function isRouterPrefetch(): Promise<boolean> {
  return (await headers()).get(ROUTER_PREFETCH_HEADER) === "1";
}
