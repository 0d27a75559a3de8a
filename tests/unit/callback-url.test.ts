import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("the page a person returns to after signing in", () => {
  const appUrl = process.env.APP_URL;
  beforeEach(() => {
    process.env.APP_URL = "https://app.carebridge.test";
  });
  afterEach(() => {
    if (appUrl === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = appUrl;
  });

  it("keeps a path inside the app, with its query", () => {
    expect(safeCallbackUrl("/sessions/abc?tab=notes")).toBe("/sessions/abc?tab=notes");
    expect(safeCallbackUrl("/contacts#top")).toBe("/contacts#top");
  });

  it("keeps an absolute address on the app's own origin, as a path", () => {
    expect(safeCallbackUrl("https://app.carebridge.test/clients?page=2")).toBe("/clients?page=2");
  });

  it("never leaves the site", () => {
    for (const bad of ["https://evil.test/", "//evil.test/x", "/\\evil.test", "\\\\evil.test", "javascript:alert(1)", "", "http://app.carebridge.test/x", "https://app.carebridge.test.evil.test/"]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("is not fooled by tab, CR, LF or backslashes that browsers drop or read as slashes", () => {
    for (const bad of [
      "/\t/evil.example/phish",
      "/\r/evil.example/phish",
      "/\n/evil.example/phish",
      "/\r\n/evil.example/phish",
      "\t//evil.example",
      "/\t\\evil.example",
      "\\/evil.example",
      "/\\/evil.example",
      "/.//evil.example",
      "/./\\evil.example",
      " //evil.example",
      "https:evil.example",
      "https:/evil.example",
      "//evil.example@app.carebridge.test",
      "/\u0000/evil.example",
    ]) {
      const result = safeCallbackUrl(bad);
      expect(new URL(result, "https://app.carebridge.test").origin, JSON.stringify(bad)).toBe("https://app.carebridge.test");
      expect(result.startsWith("//") || result.startsWith("/\\"), JSON.stringify(bad)).toBe(false);
    }
    expect(safeCallbackUrl("/\t/evil.example/phish")).toBe("/");
  });

  it("keeps percent-encoded characters encoded, so they stay part of a path on this site", () => {
    // As the sign-in page receives `callbackUrl=%2F%09%2Fevil.example%2Fphish` (decoded once).
    expect(safeCallbackUrl(decodeURIComponent("%2F%09%2Fevil.example%2Fphish"))).toBe("/");
    // Still encoded (double-encoded in the link): a harmless path here, never a host.
    expect(safeCallbackUrl("/%09/evil.example/phish")).toBe("/%09/evil.example/phish");
    expect(safeCallbackUrl("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeCallbackUrl("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("does not loop back to sign-in or into the auth API", () => {
    expect(safeCallbackUrl("/sign-in?callbackUrl=/x")).toBe("/");
    expect(safeCallbackUrl("/api/auth/signout")).toBe("/");
    expect(safeCallbackUrl("/\t/api/auth/signout")).toBe("/");
    expect(safeCallbackUrl("/x/../sign-in")).toBe("/");
  });
});
