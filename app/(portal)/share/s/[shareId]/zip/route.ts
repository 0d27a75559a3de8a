import { downloadSharedZip } from "@/lib/portal/download-shared-zip";
import { currentShareAccess } from "@/lib/portal/portal-request";
import { rateLimit, tooManyRequests } from "@/lib/rate-limit";

const headers = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow", "X-Content-Type-Options": "nosniff" };

/** Download all: every document of the share as one ZIP (cookie-gated like each document). */
export async function GET(_request: Request, { params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  const { row, client } = await currentShareAccess(shareId);
  const limited = await rateLimit("portalIp", client.ip ?? "unknown");
  if (!limited.success) return tooManyRequests(limited);
  const zip = row ? await downloadSharedZip(row, client) : null;
  if (zip === "too_large") return new Response("These documents are too large to download together. Download them one by one.", { status: 413, headers });
  if (!zip) return new Response("These documents aren't available. Open the link from your email again.", { status: 404, headers });
  return new Response(new Uint8Array(zip.bytes), {
    headers: { ...headers, "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${zip.filename}"`, "Content-Length": String(zip.bytes.length) },
  });
}
