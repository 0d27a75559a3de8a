import "server-only";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { buildDisclosureRecord, type DisclosureRecord } from "@/lib/clients/build-disclosure-record";
import { AppError } from "@/lib/errors";
import { pdfFilename } from "@/lib/pdf/pdf-canvas";
import { DISCLOSURE_RECORD_TITLE, renderDisclosureRecordPdf } from "@/lib/pdf/render-disclosure-record-pdf";
import { findPortalProfile } from "./portal-profiles";
import type { PortalClient } from "./types";

/**
 * "Who has seen this information" for one profile of the signed-in client: only a profile their
 * login was given (accepted, not revoked); any other id is `not_found`. Each view and download
 * is audited with the client as the actor.
 */
async function loadRecord(client: PortalClient, profileId: string, now: Date, action: "client.disclosures_viewed" | "client.disclosures_downloaded") {
  const profile = await findPortalProfile(client, profileId);
  if (!profile) throw new AppError("not_found");
  const db = await getDb();
  const record = await buildDisclosureRecord(db, { organisationId: profile.organisationId, clientId: profile.clientId, now });
  await recordAudit(db, { organisationId: profile.organisationId, actor: { type: "client", id: client.accountId }, action, target: { type: "client", id: profile.clientId }, clientId: profile.clientId });
  return record;
}

export async function getMyDisclosureRecord(client: PortalClient, input: { profileId: string }, now = new Date()): Promise<DisclosureRecord> {
  return loadRecord(client, input.profileId, now, "client.disclosures_viewed");
}

export async function downloadMyDisclosureRecord(client: PortalClient, input: { profileId: string }, now = new Date()): Promise<{ bytes: Buffer; filename: string }> {
  const record = await loadRecord(client, input.profileId, now, "client.disclosures_downloaded");
  return { bytes: await renderDisclosureRecordPdf(record, { generatedAt: now }), filename: pdfFilename(`${DISCLOSURE_RECORD_TITLE} ${record.client.name}`) };
}
