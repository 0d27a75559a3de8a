type DevOriginGlobal = { __carebridgeDevOrigin?: string };

/**
 * In development without APP_URL, the address the dev server was last reached at (recorded by
 * proxy.ts), so a second copy on another port emails links to itself rather than to :3000.
 */
export function rememberDevOrigin(origin: string): void {
  if (process.env.NODE_ENV !== "development" || process.env.APP_URL) return;
  (globalThis as DevOriginGlobal).__carebridgeDevOrigin = origin;
}

/** Absolute links for emails and texts. APP_URL is the public address of the app. */
export function appUrl(path: string): string {
  const devOrigin = process.env.NODE_ENV === "development" ? (globalThis as DevOriginGlobal).__carebridgeDevOrigin : undefined;
  const base = (process.env.APP_URL ?? devOrigin ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
