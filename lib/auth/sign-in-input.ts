import { z } from "zod";
import { text } from "@/lib/validation/text";

/**
 * The password sign-in form (staff and client portal alike). The email is free text until the
 * credentials check, so control characters are refused here: a NUL used to reach the audit row.
 */
export const signInInput = z.object({
  email: text().trim().max(320),
  password: z.string().max(200),
  callbackUrl: z.string().max(2000).optional(),
});
