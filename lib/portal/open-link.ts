import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { documentShares } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { contactAudit, findShareByToken, portalStatus } from "./find-share";
import { makeShareCookie } from "./share-cookie";
import { codeChannel } from "./security-level";
import type { PortalRequest, PortalResult } from "./types";

/**
 * The contact pressed View document (a POST). For a link-only share this opens it: first_opened_at
 * is set, which keeps the link alive past 24 hours. A link-and-code share opens only with a
 * correct code (verify-code.ts).
 * The share cookie is signed inside the transaction, before the open is written: if anything on
 * the way fails (a missing key, say), the open rolls back and the link is not marked opened for a
 * contact who never got in.
 */
export async function openShareLink(token: string, req: PortalRequest): Promise<PortalResult> {
  const now = req.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await findShareByToken(tx, token, { lock: true });
    if (!row) {
      await recordAudit(tx, { organisationId: null, actor: { type: "anonymous" }, action: "portal.link_refused", metadata: { reason: "unknown" }, ip: req.ip, userAgent: req.userAgent });
      return { ok: false, reason: "unavailable" };
    }
    const audit = { ...contactAudit(row), ip: req.ip, userAgent: req.userAgent };
    const status = portalStatus(row, now);
    if (status !== "active") {
      await recordAudit(tx, { ...audit, action: "portal.link_refused", metadata: { reason: status } });
      return { ok: false, reason: status === "revoked" ? "unavailable" : status };
    }
    if (codeChannel(row.share.securityLevel)) return { ok: false, reason: "code_required" };
    const cookie = makeShareCookie(row.share.id, row.share.linkVersion, now);
    if (!row.share.firstOpenedAt) await tx.update(documentShares).set({ firstOpenedAt: now }).where(eq(documentShares.id, row.share.id));
    await recordAudit(tx, { ...audit, action: "portal.link_opened", metadata: { first: !row.share.firstOpenedAt } });
    return { ok: true, shareId: row.share.id, linkVersion: row.share.linkVersion, cookie };
  });
}
