import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isFileRoute, newNonce } from "@/lib/security/csp";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)]));

describe("Content-Security-Policy", () => {
  it("production pages: scripts only with the request's nonce, no eval, styles by nonce, never framed", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: true }));
    expect(d["script-src"]).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(d["style-src"]).toBe("'self' 'nonce-abc123=='");
    expect(d["frame-ancestors"]).toBe("'none'");
    expect(d["object-src"]).toBe("'none'");
    expect(d["base-uri"]).toBe("'self'");
    expect(d["form-action"]).toBe("'self'");
    expect(d["default-src"]).toBe("'self'");
    expect("upgrade-insecure-requests" in d).toBe(true);
  });

  it("allows eval only in development (React refresh), and upgrades requests only over https", () => {
    const dev = contentSecurityPolicy({ nonce: "n", dev: true, https: false });
    expect(directives(dev)["script-src"]).toContain("'unsafe-eval'");
    expect(dev).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: false })).not.toContain("unsafe-eval");
  });

  it("the outbox page allows inline styles (emails in its srcdoc iframe) but its scripts still need the nonce", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n", dev: false, https: false, inlineStyles: true }));
    expect(d["style-src"]).toBe("'self' 'unsafe-inline'");
    expect(d["script-src"]).toBe("'self' 'nonce-n' 'strict-dynamic'");
  });

  it("a nonce is 128 random bits, new every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("knows the file routes (PDFs and uploads), which get no script policy", () => {
    expect(isFileRoute("/documents/6f1c7a4e-2b1d-4c3e-9a7b-1d2e3f4a5b6c/pdf")).toBe(true);
    expect(isFileRoute("/documents/6f1c7a4e-2b1d-4c3e-9a7b-1d2e3f4a5b6c/file")).toBe(true);
    expect(isFileRoute("/share/s/6f1c7a4e-2b1d-4c3e-9a7b-1d2e3f4a5b6c/pdf")).toBe(true);
    expect(isFileRoute("/documents/6f1c7a4e-2b1d-4c3e-9a7b-1d2e3f4a5b6c")).toBe(false);
    expect(isFileRoute("/share/s/6f1c7a4e-2b1d-4c3e-9a7b-1d2e3f4a5b6c")).toBe(false);
    expect(isFileRoute("/documents/new")).toBe(false);
  });
});
