import "server-only";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { auth } from "./auth";

/** Audits a sign-out by whoever holds the current auth cookie (if anyone). */
export async function recordSignOut(): Promise<void> {
  const authn = await auth();
  const userId = authn?.user?.id;
  if (!userId) return;
  const organisationId = authn?.organisationId ?? null;
  await recordAudit(await getDb(), { organisationId, actor: { type: "user", id: userId }, action: "auth.signed_out" });
}
