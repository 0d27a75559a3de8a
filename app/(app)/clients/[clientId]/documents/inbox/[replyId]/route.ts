import { getStaffOrThrow } from "@/lib/auth/staff-actor";
import { AppError } from "@/lib/errors";
import { fileResponse } from "@/lib/pdf/render-document-pdf";
import { getReplyFile } from "@/lib/replies/get-reply-file";
import { isUuid } from "@/lib/validation/ids";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });

/** A waiting reply's file, as a download only (it came from outside the clinic). Not allowed looks like not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; replyId: string }> }) {
  const { replyId } = await params;
  if (!isUuid(replyId)) return notFound();
  try {
    const { bytes, filename, contentType } = await getReplyFile(await getStaffOrThrow(), replyId);
    return fileResponse(bytes, { filename, contentType });
  } catch (e) {
    if (e instanceof AppError) return e.code === "unauthenticated" ? new Response("Sign in to continue", { status: 401, headers: { "Cache-Control": "no-store" } }) : notFound();
    throw e;
  }
}
