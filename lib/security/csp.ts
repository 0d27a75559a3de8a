/**
 * The Content-Security-Policy of every page, built per request in proxy.ts with a fresh nonce.
 * Next reads the nonce back from the request's CSP header and puts it on its own scripts, so
 * only scripts this server rendered run ('strict-dynamic' lets them load the app's chunks).
 * Runs in the proxy: no Node-only APIs, no server-only import.
 */

export interface CspOptions {
  nonce: string;
  /** `next dev`: React's refresh needs eval, and dev styles are injected inline. */
  dev: boolean;
  /** The app is served over https (APP_URL): ask browsers to upgrade any http sub-request. */
  https: boolean;
  /**
   * The development outbox shows each email in a sandboxed srcdoc iframe, which inherits this
   * policy: emails are styled with inline style attributes, so that one page allows inline styles.
   */
  inlineStyles?: boolean;
}

export function contentSecurityPolicy({ nonce, dev, https, inlineStyles = false }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev || inlineStyles ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * Files (PDFs, uploads) are not HTML: a script policy means nothing to them, and Chromium's PDF
 * viewer must keep working. They still may not be framed by another site.
 */
export const FILE_CSP = "frame-ancestors 'none'";

/** Route handlers that answer with a file rather than a page. */
export function isFileRoute(pathname: string): boolean {
  return /^\/(documents\/[^/]+\/(pdf|file)|share\/s\/[^/]+\/(pdf|file|print))\/?$/.test(pathname);
}

/** 128 random bits, base64: unguessable, and new on every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
