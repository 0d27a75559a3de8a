import "server-only";
import { fileResponse, pdfResponse } from "@/lib/pdf/render-document-pdf";
import { rateLimit, tooManyRequests } from "@/lib/rate-limit";
import { getClientInfo } from "@/lib/request/client-info";
import { shareCookieValue } from "./portal-request";
import { downloadSharedDocument } from "./share-access";

const refused = () =>
  new Response("This document isn't available. Open the link from your email again.", {
    status: 404,
    headers: { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" },
  });

/**
 * A portal download route: the rendered PDF or the uploaded file; marks the share downloaded;
 * audited. `?doc=` names one document of a share of several (default: the share's own).
 */
export function portalDocumentDownload(what: "pdf" | "file") {
  return async function GET(request: Request, { params }: { params: Promise<{ shareId: string }> }) {
    const { shareId } = await params;
    const client = await getClientInfo();
    const limited = await rateLimit("portalIp", client.ip ?? "unknown");
    if (!limited.success) return tooManyRequests(limited);
    const download = await downloadSharedDocument(shareId, await shareCookieValue(shareId), client, what, new URL(request.url).searchParams.get("doc"));
    if (!download) return refused();
    const { bytes, filename, contentType, etag } = download;
    return contentType ? fileResponse(bytes, { filename, contentType }) : pdfResponse(bytes, filename, "attachment", etag);
  };
}
