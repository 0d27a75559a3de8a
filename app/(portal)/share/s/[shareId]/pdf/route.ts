import { portalDocumentDownload } from "@/lib/portal/download-route";

/** Download PDF: the same renderer as staff. */
export const GET = portalDocumentDownload("pdf");
