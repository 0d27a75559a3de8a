import { currentShareAccess } from "@/lib/portal/portal-request";
import { downloadSharedDocument } from "@/lib/portal/share-access";
import { pdfResponse } from "@/lib/pdf/render-document-pdf";
import { rateLimit, tooManyRequests } from "@/lib/rate-limit";

const refused = () => new Response("This document isn't available. Open the link from your email again.", { status: 404, headers: { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" } });

/** The uploaded PDF of a "document" kind document; marks the share downloaded; audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  const { row, client } = await currentShareAccess(shareId);
  const limited = await rateLimit("portalIp", client.ip ?? "unknown");
  if (!limited.success) return tooManyRequests(limited);
  if (!row) return refused();
  const pdf = await downloadSharedDocument(row, client, "file");
  return pdf ? pdfResponse(pdf.bytes, pdf.filename) : refused();
}
