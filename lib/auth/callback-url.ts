import { appUrl } from "@/lib/urls";

/**
 * Only same-site paths are followed after sign-in, so the link cannot send anyone to another site.
 * The value is parsed the way a browser would read it (which drops tab, CR and LF and treats `\` as
 * `/`), relative to APP_URL, and kept only if it stays on the app's origin; what is returned is the
 * parsed path, never the raw text, so the Location header holds exactly what was checked.
 */
export function safeCallbackUrl(raw: string | undefined | null): string {
  if (!raw) return "/";
  const base = new URL(appUrl("/"));
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that itself starts with two slashes ("/.//evil.example") would read as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return "/";
  return path;
}
