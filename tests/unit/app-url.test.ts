import { afterEach, describe, expect, it, vi } from "vitest";
import { appUrl, rememberDevOrigin } from "@/lib/urls";

describe("emailed links", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as { __carebridgeDevOrigin?: string }).__carebridgeDevOrigin;
  });

  it("in development without APP_URL, point at the address the dev server was reached at", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("APP_URL", undefined as unknown as string);
    expect(appUrl("/share/x")).toBe("http://localhost:3000/share/x");
    rememberDevOrigin("http://localhost:3150");
    expect(appUrl("/share/x")).toBe("http://localhost:3150/share/x");
  });

  it("APP_URL wins, and production never uses a request's host", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("APP_URL", "https://app.carebridge.test/");
    rememberDevOrigin("http://evil.test");
    expect(appUrl("share/x")).toBe("https://app.carebridge.test/share/x");
    vi.stubEnv("APP_URL", undefined as unknown as string);
    vi.stubEnv("NODE_ENV", "production");
    rememberDevOrigin("http://evil.test");
    expect(appUrl("/share/x")).toBe("http://localhost:3000/share/x");
  });
});
