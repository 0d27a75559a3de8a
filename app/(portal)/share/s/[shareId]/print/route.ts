import { currentShareAccess } from "@/lib/portal/portal-request";
import { recordSharedDocumentPrinted } from "@/lib/portal/share-access";
import { sharedDocumentId } from "@/lib/portal/shared-documents";
import { rateLimit, tooManyRequests } from "@/lib/rate-limit";

/** The Print button's beacon: audits the print. A POST, cookie-gated like the document itself. */
export async function POST(request: Request, { params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  const { row, client } = await currentShareAccess(shareId);
  const limited = await rateLimit("portalIp", client.ip ?? "unknown");
  if (!limited.success) return tooManyRequests(limited);
  const documentId = row && (await sharedDocumentId(row, new URL(request.url).searchParams.get("doc")));
  if (!row || !documentId) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  await recordSharedDocumentPrinted(row, client, documentId);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
