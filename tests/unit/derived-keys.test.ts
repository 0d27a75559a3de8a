import { afterEach, describe, expect, it, vi } from "vitest";
import { portalKey } from "@/lib/portal/secrets";
import { derivedKey } from "@/lib/security/derived-keys";
import { missingProductionConfig } from "@/lib/security/startup-check";

const ROOT = "unit-test-root-secret-0123456789abcdef";

afterEach(() => vi.unstubAllEnvs());

describe("keys derived from AUTH_SECRET", () => {
  it("the share-cookie and share-code keys are 256-bit HKDF keys, different from each other and from AUTH_SECRET, stable across calls", () => {
    vi.stubEnv("AUTH_SECRET", ROOT);
    vi.stubEnv("SHARE_COOKIE_SECRET", "");
    vi.stubEnv("SHARE_CODE_SECRET", "");
    const cookie = portalKey("cookie");
    const code = portalKey("code");
    expect(Buffer.isBuffer(cookie) && cookie.length).toBe(32);
    expect(Buffer.from(cookie).equals(Buffer.from(code))).toBe(false);
    expect(Buffer.from(cookie).toString("utf8")).not.toBe(ROOT);
    expect(Buffer.from(cookie).includes(Buffer.from(ROOT))).toBe(false);
    expect(Buffer.from(portalKey("cookie")).equals(Buffer.from(cookie))).toBe(true);
    expect(Buffer.from(portalKey("code")).equals(Buffer.from(code))).toBe(true);
    // Another root gives other keys.
    expect(derivedKey("shareCookie", ROOT + "x").equals(derivedKey("shareCookie", ROOT))).toBe(false);
  });

  it("SHARE_COOKIE_SECRET and SHARE_CODE_SECRET still override", () => {
    vi.stubEnv("AUTH_SECRET", ROOT);
    vi.stubEnv("SHARE_COOKIE_SECRET", "cookie-override-0123456789");
    vi.stubEnv("SHARE_CODE_SECRET", "code-override-0123456789");
    expect(portalKey("cookie")).toBe("cookie-override-0123456789");
    expect(portalKey("code")).toBe("code-override-0123456789");
  });

  it("in production there is no fallback key without AUTH_SECRET", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "");
    vi.stubEnv("SHARE_COOKIE_SECRET", "");
    expect(() => portalKey("cookie")).toThrow(/AUTH_SECRET/);
  });
});

describe("startup check", () => {
  it("production without AUTH_SECRET is refused with a message naming the variable", () => {
    expect(missingProductionConfig({ NODE_ENV: "production" })).toMatch(/AUTH_SECRET is not set/);
    expect(missingProductionConfig({ NODE_ENV: "production", AUTH_SECRET: "  " })).toMatch(/AUTH_SECRET/);
    expect(missingProductionConfig({ NODE_ENV: "production", AUTH_SECRET: ROOT })).toBeNull();
    expect(missingProductionConfig({ NODE_ENV: "development" })).toBeNull();
  });
});
