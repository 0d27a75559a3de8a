import "server-only";
import { getDb } from "@/db/client";
import { CODE_LIFETIME_SECONDS, maskMobile } from "./code";
import { findShareByToken, portalStatus } from "./find-share";

/** What the link page shows. Unknown and revoked are one state: the page must not tell them apart. */
export type Landing =
  | { state: "unavailable" }
  | { state: "expired" }
  | { state: "locked" }
  | { state: "ready"; clinicName: string; securityLevel: "link" | "link_and_sms"; maskedMobile: string | null; codePending: boolean };

/**
 * Reads the link page's state. A GET: it reads only, writes nothing and never opens the link
 * (mail scanners and Safe Links fetch every link in an email before the person does).
 */
export async function getLanding(token: string, now = new Date()): Promise<Landing> {
  const db = await getDb();
  const row = await findShareByToken(db, token);
  if (!row) return { state: "unavailable" };
  const status = portalStatus(row, now);
  if (status === "revoked") return { state: "unavailable" };
  if (status !== "active") return { state: status };
  const s = row.share;
  const codePending = Boolean(s.codeSentAt && !s.codeUsed && now.getTime() - s.codeSentAt.getTime() < CODE_LIFETIME_SECONDS * 1000);
  return {
    state: "ready",
    clinicName: row.org.name,
    securityLevel: s.securityLevel,
    maskedMobile: row.contact.mobile ? maskMobile(row.contact.mobile) : null,
    codePending,
  };
}
