import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("the page a person returns to after signing in", () => {
  it("keeps a path inside the app, with its query", () => {
    expect(safeCallbackUrl("/sessions/abc?tab=notes")).toBe("/sessions/abc?tab=notes");
  });
  it("never leaves the site", () => {
    for (const bad of ["https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)", ""]) expect(safeCallbackUrl(bad)).toBe("/");
  });
  it("does not loop back to sign-in or into the auth API", () => {
    expect(safeCallbackUrl("/sign-in?callbackUrl=/x")).toBe("/");
    expect(safeCallbackUrl("/api/auth/signout")).toBe("/");
  });
});
