import "server-only";
import type { StaffActor } from "@/lib/access/actor";
import { getStaffOrThrow } from "@/lib/auth/staff-actor";
import { AppError } from "@/lib/errors";
import { fileResponse, pdfResponse } from "@/lib/pdf/render-document-pdf";
import { isUuid } from "@/lib/validation/ids";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
const signIn = () => new Response("Sign in to continue", { status: 401, headers: { "Cache-Control": "no-store" } });

/**
 * A staff download route (the rendered PDF, or an uploaded file): authenticates, lets `load`
 * authorise, and answers not-allowed exactly like not-found.
 */
export function staffDocumentDownload(load: (actor: StaffActor, documentId: string) => Promise<{ bytes: Buffer; filename: string; etag?: string; contentType?: string }>) {
  return async function GET(_request: Request, { params }: { params: Promise<{ documentId: string }> }) {
    const { documentId } = await params;
    if (!isUuid(documentId)) return notFound();
    try {
      const { bytes, filename, etag, contentType } = await load(await getStaffOrThrow(), documentId);
      // An uploaded file (it carries its type) is served as an upload; the rendered PDF as before.
      return contentType ? fileResponse(bytes, { filename, contentType }) : pdfResponse(bytes, filename, "attachment", etag);
    } catch (e) {
      if (e instanceof AppError) return e.code === "unauthenticated" ? signIn() : notFound();
      throw e;
    }
  };
}
