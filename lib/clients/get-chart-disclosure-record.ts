import "server-only";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { assertCanClient } from "@/lib/access/clients-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { pdfFilename } from "@/lib/pdf/pdf-canvas";
import { DISCLOSURE_RECORD_TITLE, renderDisclosureRecordPdf } from "@/lib/pdf/render-disclosure-record-pdf";
import { buildDisclosureRecord } from "./build-disclosure-record";

/**
 * Access tab → "Download record of disclosures": the same PDF the client gets from the portal,
 * covering six years, for a subject-access request. Anyone who may open the chart; audited.
 */
export async function getChartDisclosureRecordPdf(actor: StaffActor, input: { clientId: string }, now = new Date()): Promise<{ bytes: Buffer; filename: string }> {
  await assertCanClient(actor, "client:view", input.clientId);
  const db = await getDb();
  const record = await buildDisclosureRecord(db, { organisationId: actor.organisationId, clientId: input.clientId, now });
  const bytes = await renderDisclosureRecordPdf(record, { generatedAt: now });
  await recordStaffAudit(db, actor, { action: "client.disclosures_downloaded", target: { type: "client", id: input.clientId }, clientId: input.clientId, metadata: { format: "pdf" } });
  return { bytes, filename: pdfFilename(`${DISCLOSURE_RECORD_TITLE} ${record.client.name}`) };
}
