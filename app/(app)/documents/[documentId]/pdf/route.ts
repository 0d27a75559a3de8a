import { getStaffOrThrow } from "@/lib/auth/staff-actor";
import { getDocumentPdf } from "@/lib/documents/document-pdf";
import { AppError } from "@/lib/errors";
import { pdfResponse } from "@/lib/pdf/render-document-pdf";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });

/** The staff PDF (same renderer as the portal). Not-allowed and not-found look the same. */
export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) return notFound();
  try {
    const actor = await getStaffOrThrow();
    const { bytes, filename } = await getDocumentPdf(actor, documentId);
    return pdfResponse(bytes, filename);
  } catch (e) {
    if (e instanceof AppError) return e.code === "unauthenticated" ? new Response("Sign in to continue", { status: 401, headers: { "Cache-Control": "no-store" } }) : notFound();
    throw e;
  }
}
