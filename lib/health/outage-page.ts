/** The page shown while the database is unreachable: plain HTML, no stack, no app chrome that needs data. */
export const OUTAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Carebridge is unavailable</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0;padding:1rem}
main{max-width:28rem;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1.5rem}h1{font-size:1.125rem;margin:0 0 .5rem}p{color:#475569;font-size:.875rem;line-height:1.5}
a{display:inline-block;margin-top:.5rem;background:#0f766e;color:#fff;border-radius:.375rem;padding:.5rem 1rem;text-decoration:none;font-size:.875rem}</style></head>
<body><main role="alert"><p style="color:#115e59;font-weight:600;margin:0 0 1rem">Carebridge</p>
<h1>Carebridge can't reach its database right now — try again in a minute.</h1>
<p>Nothing you already saved is lost. If you were filling in a form, use your browser's Back button: it usually keeps what you typed.</p>
<a href="">Try again</a></main></body></html>`;
