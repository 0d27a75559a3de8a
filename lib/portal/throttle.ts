import "server-only";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { rateLimit } from "@/lib/rate-limit";
import { getClientInfo } from "@/lib/request/client-info";

/** Per-IP throttle for portal POSTs; a refusal is audited (anonymous: the link is not trusted yet). */
export async function throttlePortal(name: "portalIp" | "portalCodeSendIp" | "portalCodeAttemptIp") {
  const client = await getClientInfo();
  const result = await rateLimit(name, client.ip ?? "unknown");
  if (!result.success) {
    const db = await getDb();
    await recordAudit(db, { organisationId: null, actor: { type: "anonymous" }, action: "portal.rate_limited", metadata: { limiter: name }, ip: client.ip, userAgent: client.userAgent });
  }
  return { client, result };
}
