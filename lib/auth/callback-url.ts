/** Only same-site paths are followed after sign-in, so the link cannot send anyone to another site. */
export function safeCallbackUrl(raw: string | undefined | null): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (raw.startsWith("/sign-in") || raw.startsWith("/api/")) return "/";
  return raw;
}
