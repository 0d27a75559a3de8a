import { afterEach, describe, expect, it } from "vitest";
import { isGoneLinkPage, registerGoneLinkCheck, shareLinkToken } from "@/lib/portal/gone-link";

const TOKEN = "abcdefghijklmnopqrstuvwxyz012345";

afterEach(() => {
  delete (globalThis as { __carebridgeGoneLink?: unknown }).__carebridgeGoneLink;
});

describe("410 for a sharing link that is gone", () => {
  it("reads the token from the emailed link's path only", () => {
    expect(shareLinkToken(`/share/${TOKEN}`)).toBe(TOKEN);
    expect(shareLinkToken(`/share/${TOKEN}/`)).toBe(TOKEN);
    expect(shareLinkToken("/share/s/00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(shareLinkToken("/share/short")).toBeNull();
    expect(shareLinkToken(`/sessions/${TOKEN}`)).toBeNull();
  });

  it("asks the registered check for page loads of a link, and answers false when it is missing or fails", async () => {
    expect(await isGoneLinkPage(`/share/${TOKEN}`, "GET")).toBe(false);
    const asked: string[] = [];
    registerGoneLinkCheck(async (token) => {
      asked.push(token);
      return true;
    });
    expect(await isGoneLinkPage(`/share/${TOKEN}`, "GET")).toBe(true);
    expect(await isGoneLinkPage(`/share/${TOKEN}`, "HEAD")).toBe(true);
    expect(await isGoneLinkPage(`/share/${TOKEN}`, "POST")).toBe(false); // View document, Send a new code: the page's actions decide
    expect(await isGoneLinkPage("/share/s/00000000-0000-4000-8000-000000000000", "GET")).toBe(false);
    expect(asked).toEqual([TOKEN, TOKEN]);
    registerGoneLinkCheck(() => Promise.reject(new Error("database down")));
    expect(await isGoneLinkPage(`/share/${TOKEN}`, "GET")).toBe(false);
  });
});
