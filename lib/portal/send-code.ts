import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentShares, shareVerifications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueSms } from "@/lib/sms/queue-sms";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { securityCodeText } from "@/emails/security-code";
import { normaliseMobile } from "@/lib/contacts/schemas";
import { CODE_LIFETIME_MINUTES, issueCode, maskMobile } from "./code";
import { codeTextRefusal } from "./code-text-caps";
import { contactAudit, findShareByToken, portalStatus } from "./find-share";
import type { PortalRefusal, PortalRequest } from "./types";

/**
 * Texts a new 6-digit code to the contact's mobile on file (never to a number the visitor types).
 * The counter moves on, so the previous code stops working. Sends are capped per share and per
 * contact in Postgres (code-text-caps.ts), so the caps hold when Redis is unreachable.
 */
export async function sendShareCode(token: string, req: PortalRequest): Promise<{ ok: true; maskedMobile: string } | { ok: false; reason: PortalRefusal; retryAfterSeconds?: number }> {
  const now = req.now ?? new Date();
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const row = await findShareByToken(tx, token, { lock: true });
    if (!row) {
      await recordAudit(tx, { organisationId: null, actor: { type: "anonymous" }, action: "portal.link_refused", metadata: { reason: "unknown" }, ip: req.ip, userAgent: req.userAgent });
      return { ok: false as const, reason: "unavailable" as const };
    }
    const audit = { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent };
    const status = portalStatus(row, now);
    if (status !== "active" || row.share.securityLevel !== "link_and_sms" || !row.contact.mobile) {
      const reason: PortalRefusal = status === "active" ? (row.contact.mobile ? "unavailable" : "no_mobile") : status === "revoked" ? "unavailable" : status;
      await recordAudit(tx, { ...audit, action: "portal.code_send_refused", metadata: { reason } });
      return { ok: false as const, reason };
    }
    const refusal = await codeTextRefusal(tx, { shareId: row.share.id, contactId: row.contact.id }, now);
    if (refusal) {
      await recordAudit(tx, { ...audit, action: "portal.code_send_refused", metadata: { reason: "rate_limited" } });
      return { ok: false as const, reason: "rate_limited" as const, retryAfterSeconds: refusal.retryAfterSeconds };
    }
    const counter = row.share.codeCounter + 1;
    await tx
      .update(documentShares)
      .set({ codeCounter: sql`${documentShares.codeCounter} + 1`, codeSentAt: now, codeUsed: false, codeFailures: 0 })
      .where(eq(documentShares.id, row.share.id));
    await tx.insert(shareVerifications).values({ shareId: row.share.id, kind: "code_sent", ip: req.ip, createdAt: now });
    const code = await issueCode(row.share.id, counter, now);
    // Older contacts may hold the number as typed; providers need E.164.
    await queueSms(tx, { organisationId: row.org.id, to: normaliseMobile(row.contact.mobile) ?? row.contact.mobile, template: "security-code", text: securityCodeText({ clinicName: row.org.name, code, expiresInMinutes: CODE_LIFETIME_MINUTES }) });
    const masked = maskMobile(row.contact.mobile);
    await recordAudit(tx, { ...audit, action: "portal.code_sent", metadata: { to: masked, counter } });
    return { ok: true as const, maskedMobile: masked };
  });
  if (result.ok) scheduleOutboxDelivery();
  return result;
}
