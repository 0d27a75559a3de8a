import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { documentShares, shareVerifications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkCode, MAX_FAILURES_PER_CODE, MAX_FAILURES_PER_SHARE_PER_DAY, type CodeCheck } from "./code";
import { contactAudit, findShareByToken, portalStatus } from "./find-share";
import { notify } from "@/lib/notifications/notify";
import { makeShareCookie } from "./share-cookie";
import { codeChannel } from "./security-level";
import type { PortalRefusal, PortalRequest, PortalResult } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Refused attempts on this share in the last day, since its current link was sent (a resend starts afresh). */
async function failuresToday(exec: Executor, shareId: string, sentAt: Date, now: Date): Promise<number> {
  const since = new Date(Math.max(now.getTime() - DAY_MS, sentAt.getTime()));
  const [row] = await exec
    .select({ n: count() })
    .from(shareVerifications)
    .where(and(eq(shareVerifications.shareId, shareId), eq(shareVerifications.kind, "attempt"), eq(shareVerifications.success, false), gt(shareVerifications.createdAt, since)));
  return row?.n ?? 0;
}

const REFUSAL: Record<Exclude<CodeCheck, "accepted">, PortalRefusal> = {
  wrong: "wrong_code",
  expired: "code_expired",
  used: "code_used",
  no_code: "no_code",
  too_many: "too_many_for_code",
};

/**
 * Checks a typed code. The caps are counted in Postgres inside this transaction, under a row lock
 * on the share (SELECT … FOR UPDATE), so concurrent guesses are serialised and can never exceed
 * them: 5 wrong per code (then a new code is needed), 10 per share per day (then the share locks
 * until the sender resends). The per-IP limiter in front of this fails open; these do not.
 */
export async function verifyShareCode(token: string, typed: string, req: PortalRequest): Promise<PortalResult> {
  const now = req.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await findShareByToken(tx, token, { lock: true });
    if (!row) {
      await recordAudit(tx, { organisationId: null, actor: { type: "anonymous" }, action: "portal.link_refused", metadata: { reason: "unknown" }, ip: req.ip, userAgent: req.userAgent });
      return { ok: false, reason: "unavailable" };
    }
    const s = row.share;
    const audit = { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent };
    const status = portalStatus(row, now);
    if (status !== "active" || !codeChannel(s.securityLevel)) {
      await recordAudit(tx, { ...audit, action: "portal.code_refused", metadata: { reason: status } });
      return { ok: false, reason: status === "active" || status === "revoked" ? "unavailable" : status };
    }
    const failures = await failuresToday(tx, s.id, s.sentAt, now);
    if (failures >= MAX_FAILURES_PER_SHARE_PER_DAY) {
      await tx.update(documentShares).set({ lockedAt: now }).where(eq(documentShares.id, s.id));
      await recordAudit(tx, { ...audit, action: "portal.share_locked", metadata: { failures } });
      return { ok: false, reason: "locked" };
    }

    const check = await checkCode({ ...s, shareId: s.id }, typed.trim(), now);
    // Only a guess at a live code counts toward the caps. A try on a code that can no longer work
    // (used, expired, tried too often, none sent) can never succeed, so it guesses nothing; counting
    // it only let a contact who retyped a dead code lock their own link. It is audited all the same.
    if (check !== "accepted" && check !== "wrong") {
      await recordAudit(tx, { ...audit, action: "portal.code_refused", metadata: { reason: check, failuresToday: failures } });
      return { ok: false, reason: REFUSAL[check], attemptsLeft: MAX_FAILURES_PER_SHARE_PER_DAY - failures };
    }
    await tx.insert(shareVerifications).values({ shareId: s.id, kind: "attempt", success: check === "accepted", ip: req.ip, createdAt: now });
    if (check === "accepted") {
      // Signed before the open is written, in this transaction: a failure here leaves the share unopened.
      const cookie = makeShareCookie(s.id, s.linkVersion, now);
      await tx.update(documentShares).set({ codeUsed: true, firstOpenedAt: s.firstOpenedAt ?? now }).where(eq(documentShares.id, s.id));
      await recordAudit(tx, { ...audit, action: "portal.code_accepted", metadata: { counter: s.codeCounter } });
      await recordAudit(tx, { ...audit, action: "portal.link_opened", metadata: { first: !s.firstOpenedAt, via: "code" } });
      return { ok: true, shareId: s.id, linkVersion: s.linkVersion, cookie };
    }

    const codeFailures = s.codeFailures + 1;
    await tx.update(documentShares).set({ codeFailures: sql`${documentShares.codeFailures} + 1` }).where(eq(documentShares.id, s.id));
    await recordAudit(tx, { ...audit, action: "portal.code_refused", metadata: { reason: check, codeFailures, failuresToday: failures + 1 } });
    if (failures + 1 >= MAX_FAILURES_PER_SHARE_PER_DAY) {
      await tx.update(documentShares).set({ lockedAt: now }).where(eq(documentShares.id, s.id));
      await recordAudit(tx, { ...audit, action: "portal.share_locked", metadata: { failures: failures + 1 } });
      // The sender hears of it at once: the contact cannot get in until they resend.
      await notify(tx, {
        userId: s.sharedById,
        organisationId: row.org.id,
        kind: "share_locked",
        text: `${row.contact.name}'s link locked after too many incorrect codes — Resend`,
        link: `/documents/${row.document.id}?resend=${s.id}`,
      });
      return { ok: false, reason: "locked" };
    }
    // How many more refused attempts the share takes before it locks (the form warns when few are left).
    const attemptsLeft = MAX_FAILURES_PER_SHARE_PER_DAY - (failures + 1);
    if (check === "wrong" && codeFailures >= MAX_FAILURES_PER_CODE) return { ok: false, reason: "too_many_for_code", attemptsLeft };
    return { ok: false, reason: REFUSAL[check], attemptsLeft };
  });
}
