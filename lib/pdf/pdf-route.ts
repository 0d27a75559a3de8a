import "server-only";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { pdfResponse } from "./pdf-canvas";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
const signIn = () => new Response("Sign in to continue", { status: 401, headers: { "Cache-Control": "no-store" } });

/**
 * A GET route answering one PDF about the record named by `param`: `load` authenticates and
 * authorises; not-allowed looks exactly like not-found, and a signed-out request gets 401.
 */
export function pdfDownloadRoute<K extends string>(param: K, load: (id: string) => Promise<{ bytes: Buffer; filename: string }>) {
  return async function GET(_request: Request, { params }: { params: Promise<Record<K, string>> }) {
    const id = (await params)[param];
    if (!isUuid(id)) return notFound();
    try {
      const { bytes, filename } = await load(id);
      return pdfResponse(bytes, filename);
    } catch (e) {
      if (e instanceof AppError) return e.code === "unauthenticated" ? signIn() : notFound();
      throw e;
    }
  };
}
