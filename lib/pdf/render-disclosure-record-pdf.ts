import "server-only";
import type { DisclosureRecord } from "@/lib/clients/build-disclosure-record";
import { formatDate } from "@/lib/documents/content";
import { INK, MUTED, SLATE, startPdf } from "./pdf-canvas";

export const DISCLOSURE_RECORD_TITLE = "Record of disclosures";

/**
 * "Record of disclosures": the clinic's letterhead, the client and the period, then every
 * external disclosure (date, recipient, document, purpose, opened) and, when the clinic shows
 * it, staff access by day. A document a clinic can hand over on a subject-access request.
 */
export function renderDisclosureRecordPdf(record: DisclosureRecord, opts: { generatedAt: Date; font?: Buffer | null }): Promise<Buffer> {
  const { doc, safe, style, width, row, cols, letterhead, meta, finish } = startPdf({ title: `${DISCLOSURE_RECORD_TITLE} — ${record.client.name}`, author: record.clinic.name }, opts);
  letterhead(record.clinic);
  doc.text(DISCLOSURE_RECORD_TITLE, style(14, INK, true)).moveDown(0.4);
  meta([
    ["Client", record.client.name + (record.client.dateOfBirth ? ` (born ${formatDate(record.client.dateOfBirth)})` : "")],
    ["Period", `${formatDate(record.period.from)} to ${formatDate(record.period.to)}`],
    ["Prepared", formatDate(opts.generatedAt)],
  ]);
  doc.moveDown(1);

  const heading = (s: string) => doc.text(safe(s), style(11, INK, true)).moveDown(0.3);
  const note = (s: string) => doc.text(safe(s), { ...style(10, MUTED), width }).moveDown(0.6);

  heading("Documents shared outside the clinic");
  if (record.disclosures.length === 0) note("No document of this profile was shared outside the clinic in this period.");
  else {
    const w = cols([0.15, 0.25, 0.25, 0.2, 0.15]);
    row(["Date", "Recipient", "Document", "Purpose", "Opened"], w, true, SLATE, 9);
    for (const d of record.disclosures) {
      row(
        [
          formatDate(d.sharedAt),
          d.recipientOrganisation ? `${d.recipientName}, ${d.recipientOrganisation}` : d.recipientName,
          `${d.documentTitle} (${d.documentKindLabel})`,
          d.purpose ?? "Not recorded",
          d.openedAt ? `Yes, ${formatDate(d.openedAt)}` : "Not opened",
        ],
        w,
        false,
        SLATE,
        9,
      );
    }
    doc.moveDown(0.6);
  }

  if (record.staffAccess) {
    heading("Clinic staff who opened the chart or its documents");
    if (record.staffAccess.length === 0) note("No staff access was recorded in this period.");
    else {
      const w = cols([0.25, 0.4, 0.35]);
      row(["Day", "Staff member", "Role"], w, true, SLATE, 9);
      for (const s of record.staffAccess) row([formatDate(s.day), s.name, s.roleName ?? ""], w, false, SLATE, 9);
    }
  }
  return finish();
}
