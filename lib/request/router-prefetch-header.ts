/**
 * The request header proxy.ts sets on a link's prefetch (Next removes its own prefetch headers
 * before pages and metadata see the request). Anything the proxy did not set is dropped there.
 */
export const ROUTER_PREFETCH_HEADER = "x-carebridge-router-prefetch";
