import { currentShareAccess } from "@/lib/portal/portal-request";
import { recordSharedDocumentPrinted } from "@/lib/portal/share-access";
import { rateLimit, tooManyRequests } from "@/lib/rate-limit";

/** The Print button's beacon: audits the print. A POST, cookie-gated like the document itself. */
export async function POST(_request: Request, { params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  const { row, client } = await currentShareAccess(shareId);
  const limited = await rateLimit("portalIp", client.ip ?? "unknown");
  if (!limited.success) return tooManyRequests(limited);
  if (!row) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  await recordSharedDocumentPrinted(row, client);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
