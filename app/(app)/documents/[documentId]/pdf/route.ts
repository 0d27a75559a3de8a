import { getDocumentPdf } from "@/lib/documents/document-pdf";
import { staffDocumentDownload } from "@/lib/documents/download-route";

/** The staff PDF (same renderer as the portal). */
export const GET = staffDocumentDownload(getDocumentPdf);
