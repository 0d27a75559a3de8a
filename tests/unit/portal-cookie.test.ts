import { describe, expect, it } from "vitest";
import { makeShareCookie, readShareCookie } from "@/lib/portal/share-cookie";

const KEY = "unit-test-cookie-key-0123456789";
const now = new Date("2026-03-02T09:00:00.000Z");
const id = "6f1c7a4e-2b1d-4c3e-9a7b-1d2e3f4a5b6c";

describe("portal share cookie", () => {
  it("vouches for its share and link version for a day", () => {
    const c = makeShareCookie(id, 3, now, KEY);
    expect(readShareCookie(c, id, new Date(now.getTime() + 23 * 3_600_000), KEY)).toEqual({ linkVersion: 3 });
    expect(readShareCookie(c, id, new Date(now.getTime() + 24 * 3_600_000 + 1), KEY)).toBeNull();
  });

  it("is refused for another share, with another key, or tampered with", () => {
    const c = makeShareCookie(id, 1, now, KEY);
    expect(readShareCookie(c, id.replace("6f", "7f"), now, KEY)).toBeNull();
    expect(readShareCookie(c, id, now, KEY + "x")).toBeNull();
    const [s, , e, mac] = c.split(".");
    expect(readShareCookie(`${s}.2.${e}.${mac}`, id, now, KEY)).toBeNull();
    expect(readShareCookie(undefined, id, now, KEY)).toBeNull();
    expect(readShareCookie("garbage", id, now, KEY)).toBeNull();
  });
});
