import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentShares, shareVerifications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueSms } from "@/lib/sms/queue-sms";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { rateLimit } from "@/lib/rate-limit";
import { securityCodeText } from "@/emails/security-code";
import { normaliseMobile } from "@/lib/contacts/schemas";
import { CODE_LIFETIME_MINUTES, issueCode, maskMobile } from "./code";
import { contactAudit, findShareByToken, portalStatus } from "./find-share";
import type { PortalRefusal, PortalRequest } from "./types";

/**
 * Texts a new 6-digit code to the contact's mobile on file (never to a number the visitor types).
 * The counter moves on, so the previous code stops working. Sends are limited per share.
 */
export async function sendShareCode(token: string, req: PortalRequest): Promise<{ ok: true; maskedMobile: string } | { ok: false; reason: PortalRefusal; retryAfterSeconds?: number }> {
  const now = req.now ?? new Date();
  const db = await getDb();
  const peek = await findShareByToken(db, token);
  if (peek) {
    const limited = await rateLimit("portalCodeSend", peek.share.id);
    if (!limited.success) {
      await recordAudit(db, { ...contactAudit(peek), ip: req.ip, userAgent: req.userAgent, action: "portal.code_send_refused", metadata: { reason: "rate_limited" } });
      return { ok: false, reason: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds };
    }
  }
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
    const counter = row.share.codeCounter + 1;
    await tx
      .update(documentShares)
      .set({ codeCounter: sql`${documentShares.codeCounter} + 1`, codeSentAt: now, codeUsed: false, codeFailures: 0 })
      .where(eq(documentShares.id, row.share.id));
    await tx.insert(shareVerifications).values({ shareId: row.share.id, kind: "code_sent", ip: req.ip, createdAt: now });
    const code = await issueCode(row.share.id, counter, now);
    // Older contacts may hold the number as typed; providers need E.164.
    await queueSms(tx, { to: normaliseMobile(row.contact.mobile) ?? row.contact.mobile, template: "security-code", text: securityCodeText({ clinicName: row.org.name, code, expiresInMinutes: CODE_LIFETIME_MINUTES }) });
    const masked = maskMobile(row.contact.mobile);
    await recordAudit(tx, { ...audit, action: "portal.code_sent", metadata: { to: masked, counter } });
    return { ok: true as const, maskedMobile: masked };
  });
  if (result.ok) scheduleOutboxDelivery();
  return result;
}
