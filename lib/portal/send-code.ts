import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentShares, shareVerifications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueSms } from "@/lib/sms/queue-sms";
import { scheduleOutboxDelivery } from "@/lib/outbox/schedule-delivery";
import { securityCodeText } from "@/emails/security-code";
import { normaliseMobile } from "@/lib/contacts/schemas";
import { queueEmail } from "@/lib/mail/queue-email";
import { CODE_LIFETIME_MINUTES, issueCode, maskEmail, maskMobile } from "./code";
import { codeTextRefusal } from "./code-text-caps";
import { contactAudit, findShareByToken, portalStatus } from "./find-share";
import { codeChannel, type CodeChannel } from "./security-level";
import type { PortalRefusal, PortalRequest } from "./types";

/** Where the code went, masked: "•••• ••• 123" or "p•••@northside.test". */
export type CodeSent = { ok: true; channel: CodeChannel; sentTo: string };

/**
 * Sends a new 6-digit code to the contact's mobile or email on file, as the share's level says
 * (never to an address the visitor types). The counter moves on, so the previous code stops
 * working. Sends are capped per share and per contact in Postgres (code-text-caps.ts), whatever
 * the channel, so the caps hold when Redis is unreachable.
 */
export async function sendShareCode(token: string, req: PortalRequest): Promise<CodeSent | { ok: false; reason: PortalRefusal; retryAfterSeconds?: number }> {
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
    const channel = codeChannel(row.share.securityLevel);
    const destination = channel === "sms" ? row.contact.mobile : channel === "email" ? row.contact.email : null;
    if (status !== "active" || !channel || !destination) {
      const missing: PortalRefusal = channel === "email" ? "no_email" : channel === "sms" ? "no_mobile" : "unavailable";
      const reason: PortalRefusal = status === "active" ? missing : status === "revoked" ? "unavailable" : status;
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
    // The documents the code opens, as the portal will list them (the share's live ones).
    const documentCount = (row.document.deletedAt ? 0 : 1) + row.moreLiveDocuments;
    if (channel === "sms") {
      // Older contacts may hold the number as typed; providers need E.164.
      await queueSms(tx, { organisationId: row.org.id, to: normaliseMobile(destination) ?? destination, template: "security-code", text: securityCodeText({ clinicName: row.org.name, code, expiresInMinutes: CODE_LIFETIME_MINUTES, documentCount }) });
    }
    const masked = channel === "sms" ? maskMobile(destination) : maskEmail(destination);
    await recordAudit(tx, { ...audit, action: "portal.code_sent", metadata: { to: masked, channel, counter } });
    const email = channel === "email" ? { organisationId: row.org.id, to: destination, props: { clinicName: row.org.name, contactName: row.contact.name, code, expiresInMinutes: CODE_LIFETIME_MINUTES, documentCount } } : null;
    return { ok: true as const, channel, sentTo: masked, email };
  });
  if (!result.ok) return result;
  // Rendering an email takes a while: done after the share row's lock is released, so parallel
  // requests for the same share don't queue behind it. If this write failed, the code is counted
  // but not sent; the contact asks again (within the same caps).
  if (result.email) await queueEmail(db, { ...result.email, template: "security-code-email" });
  scheduleOutboxDelivery();
  return { ok: true, channel: result.channel, sentTo: result.sentTo };
}
