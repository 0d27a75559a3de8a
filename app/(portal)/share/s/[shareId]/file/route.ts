import { portalDocumentDownload } from "@/lib/portal/download-route";

/** The uploaded PDF of a "document" kind document. */
export const GET = portalDocumentDownload("file");
