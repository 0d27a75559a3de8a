/**
 * The largest request body the app accepts: a 10 MB PDF (lib/documents/save-document.ts checks the
 * file itself) plus the rest of its form. next.config.ts gives server actions the same limit.
 */
export const MAX_UPLOAD_MB = 10;
export const MAX_REQUEST_MB = 11;
const MAX_REQUEST_BYTES = MAX_REQUEST_MB * 1024 * 1024;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>File too large · Carebridge</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<h1 style="font-size: 1.25rem">That upload is too large</h1>
<p>Carebridge accepts PDF files of up to ${MAX_UPLOAD_MB} MB. Nothing was saved.</p>
<p>Go back, choose a smaller file (or compress the PDF), and try again.</p>
</body></html>`;

/**
 * For the proxy: a request whose declared body is over the limit gets 413 and a page that says the
 * limit, before anything reads it. Without this, Next refuses it inside the server action with a
 * 500 (and, for a form posted without JavaScript, an error page that says nothing useful).
 */
export function refuseOversizedBody(request: Request): Response | null {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!(declared > MAX_REQUEST_BYTES)) return null;
  return new Response(PAGE, { status: 413, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
