import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

/**
 * The TCP peer's address, stamped on every request by the Node server (instrumentation.ts), because
 * Next.js gives app code headers only: no `request.ip` (gone in Next 15), no socket. `next start`
 * fills `X-Forwarded-For` from the socket only when the request has none (`??=` in base-server), so
 * that header is whatever a client chooses to send. Any value a client sends under this name is
 * overwritten here, before Next sees the request.
 */
export const SOCKET_ADDRESS_HEADER = "x-carebridge-socket-address";

const subscribedKey = Symbol.for("carebridge.socket-address.subscribed");

// Node publishes every incoming request on this built-in channel before the server's "request" event.
function stamp(message: unknown) {
  const { request } = message as { request: IncomingMessage };
  const address = request.socket?.remoteAddress;
  if (address) request.headers[SOCKET_ADDRESS_HEADER] = address;
  else delete request.headers[SOCKET_ADDRESS_HEADER];
}

export function stampSocketAddresses(): void {
  const globals = globalThis as Record<symbol, unknown>;
  if (globals[subscribedKey]) return;
  const channel = diagnostics.channel("http.server.request.start");
  channel.subscribe(stamp);
  globals[subscribedKey] = channel; // held, so the subscription lives as long as the process
}

/**
 * How many reverse proxies of our own stand in front of the app (TRUSTED_PROXY_HOPS): 0 (the default)
 * when clients connect to the app directly, 1 on Vercel or behind one proxy that appends to
 * X-Forwarded-For, n behind a chain of n. A value that is not a whole number is an error (at
 * startup, from instrumentation.ts) rather than a silent guess about which header to trust.
 */
export function trustedProxyHops(raw: string | undefined = process.env.TRUSTED_PROXY_HOPS): number {
  if (raw === undefined || raw.trim() === "") return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 20) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 20, not "${raw}"`);
  return hops;
}
