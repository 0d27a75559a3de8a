import { getDocumentFile } from "@/lib/documents/document-pdf";
import { staffDocumentDownload } from "@/lib/documents/download-route";

/** The uploaded PDF of a document, for staff. */
export const GET = staffDocumentDownload(getDocumentFile);
