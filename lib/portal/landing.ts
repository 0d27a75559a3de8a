import "server-only";
import { getDb } from "@/db/client";
import { DOCUMENT_KIND_LABELS } from "@/lib/access/documents";
import { CODE_LIFETIME_SECONDS, maskEmail, maskMobile } from "./code";
import { codeChannel, type CodeChannel, type SecurityLevel } from "./security-level";
import { findShareByToken, portalStatus } from "./find-share";
import { listSharedDocuments } from "./shared-documents";

/** What the link page shows. Unknown and revoked are one state: the page must not tell them apart. */
export type Landing =
  | { state: "unavailable" }
  | { state: "expired" }
  | { state: "locked" }
  | {
      state: "ready";
      /** For the browser that is already through (its share cookie): straight to the document. */
      shareId: string;
      /** Who shared what, shown before it is opened: the sender, the kind and date, never the title or patient. */
      senderName: string;
      sharedAt: Date;
      documentKind: string;
      documentDate: Date;
      /** More than one for a share of several documents; `documentKind` then lists their kinds. */
      documentCount: number;
      clinicName: string; securityLevel: SecurityLevel; codeChannel: CodeChannel | null; maskedDestination: string | null; codePending: boolean };

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
  // Several documents: their kinds, never their titles ("Letter, Lab result and Invoice").
  const several = row.moreLiveDocuments > 0 ? await listSharedDocuments(row) : null;
  const channel = codeChannel(s.securityLevel);
  const codePending = Boolean(s.codeSentAt && !s.codeUsed && now.getTime() - s.codeSentAt.getTime() < CODE_LIFETIME_SECONDS * 1000);
  return {
    state: "ready",
    shareId: s.id,
    senderName: row.sender.name,
    sharedAt: s.sentAt,
    documentKind: several ? listOfKinds(several.map((d) => DOCUMENT_KIND_LABELS[d.kind])) : DOCUMENT_KIND_LABELS[row.document.kind],
    documentDate: row.document.updatedAt,
    documentCount: several?.length ?? 1,
    clinicName: row.org.name,
    securityLevel: s.securityLevel,
    codeChannel: channel,
    // Where the code goes, masked; null when the contact has no such address (the page says what to do).
    maskedDestination: channel === "sms" ? row.contact.mobile && maskMobile(row.contact.mobile) : channel === "email" ? row.contact.email && maskEmail(row.contact.email) : null,
    codePending,
  };
}

/** "Letter, Lab result and Invoice" (each kind once). */
function listOfKinds(labels: string[]): string {
  const unique = [...new Set(labels)];
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
}
