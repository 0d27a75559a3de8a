import { describe, expect, it } from "vitest";
import { linkStatus, shareDisplayState, type ShareLinkFacts } from "@/lib/portal/link-state";

const sentAt = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(sentAt.getTime() + ms);
const H = 3_600_000;
const S = 1_000;
const share = (over: Partial<ShareLinkFacts> = {}): ShareLinkFacts => ({ sentAt, firstOpenedAt: null, downloadedAt: null, revokedAt: null, lockedAt: null, ...over });

describe("share link lifetime (injectable clock)", () => {
  it("an unopened link still opens at 23:59:59 after sending", () => {
    expect(linkStatus(share(), at(24 * H - S))).toBe("active");
  });

  it("an unopened link is expired at 24:00:01", () => {
    expect(linkStatus(share(), at(24 * H + S))).toBe("expired");
    expect(shareDisplayState(share(), at(24 * H + S))).toBe("expired");
  });

  it("once opened, a link still works 30 days later", () => {
    const opened = share({ firstOpenedAt: at(23 * H) });
    expect(linkStatus(opened, at(30 * 24 * H))).toBe("active");
    expect(linkStatus(opened, at(365 * 24 * H))).toBe("active");
  });

  it("an opened link respects the organisation's maximum lifetime when one is set", () => {
    const opened = share({ firstOpenedAt: at(H) });
    expect(linkStatus(opened, at(H + 7 * 24 * H - S), { openedLinkMaxDays: 7 })).toBe("active");
    expect(linkStatus(opened, at(H + 7 * 24 * H + S), { openedLinkMaxDays: 7 })).toBe("expired");
  });

  it("a revoked link never works, opened or not, at any time", () => {
    for (const firstOpenedAt of [null, at(H)]) {
      const revoked = share({ firstOpenedAt, revokedAt: at(2 * H) });
      for (const t of [0, S, 2 * H, 23 * H, 30 * 24 * H]) expect(linkStatus(revoked, at(t))).toBe("revoked");
    }
  });

  it("a locked link does not work until resent", () => {
    expect(linkStatus(share({ lockedAt: at(H) }), at(2 * H))).toBe("locked");
  });

  it("the sender sees sent, opened and downloaded in order", () => {
    expect(shareDisplayState(share(), at(H))).toBe("sent");
    expect(shareDisplayState(share({ firstOpenedAt: at(H) }), at(2 * H))).toBe("opened");
    expect(shareDisplayState(share({ firstOpenedAt: at(H), downloadedAt: at(2 * H) }), at(3 * H))).toBe("downloaded");
  });
});
