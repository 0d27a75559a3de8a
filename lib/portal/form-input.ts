import { z } from "zod";

/** A share link's token as the portal forms post it (newToken() gives 43 base64url characters). */
export const shareToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** A typed access code: spaces removed, then exactly six digits, or null. */
export function typedCode(raw: unknown): string | null {
  const code = String(raw ?? "").replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}
