import "server-only";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { ClientInfo } from "@/lib/request/client-info";
import { checkPasswordSignIn } from "./check-password-sign-in";

/**
 * Accepting an invitation with an account one already has (a second clinic, or coming back), or
 * changing one's password: the person proves it is them with their existing password, through the same throttled,
 * lockable, audited check as sign-in, so neither an invitation link nor a
 * borrowed signed-in browser is a side door for guessing.
 * Throws the code the form shows next to the password field; returns the account's id.
 */
export async function confirmExistingPassword(input: {
  audience: "staff" | "client";
  email: string;
  password: string;
  client: ClientInfo;
  organisationId: string;
  /** The form field the refusal is shown next to. */
  field?: string;
}): Promise<string> {
  const db = await getDb();
  const staff = input.audience === "staff";
  const check = await checkPasswordSignIn({
    audience: input.audience,
    email: input.email,
    password: input.password,
    client: input.client,
    limiters: staff ? { ip: "signInIp", email: "signInEmail" } : { ip: "clientSignInIp", email: "clientSignInEmail" },
    // The invitation itself is checked by the caller, in its transaction.
    mayEnter: async () => true,
    audit: (outcome, accountId, reason) =>
      recordAudit(db, {
        organisationId: input.organisationId,
        actor: accountId ? { type: staff ? "user" : "client", id: accountId } : { type: "anonymous" },
        action: staff ? `auth.${outcome}` : `client_portal.${outcome}`,
        metadata: { via: "invitation", ...(reason ? { reason } : {}) },
        ip: input.client.ip,
        userAgent: input.client.userAgent,
      }),
  });
  if (check.ok) return check.accountId;
  const field = input.field ?? "password";
  if (check.reason === "locked") throw new AppError("account_locked", { field, retryAfterSeconds: check.retryAfterSeconds });
  if (check.reason === "rate_limited") throw new AppError("rate_limited", { field, retryAfterSeconds: check.retryAfterSeconds });
  throw new AppError("wrong_password", { field });
}
