import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "@/components/notifications/format-time";
import { safeInAppLink } from "@/lib/notifications/notification-dto";

describe("formatRelativeTime", () => {
  const now = new Date("2026-03-12T14:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it.each([
    [10_000, "Just now"],
    [-30_000, "Just now"],
    [5 * 60_000, "5 minutes ago"],
    [3 * 3_600_000, "3 hours ago"],
    [26 * 3_600_000, "yesterday"],
    [4 * 86_400_000, "4 days ago"],
    [30 * 86_400_000, "10 Feb 2026"],
  ])("%i ms ago → %s", (ms, expected) => {
    expect(formatRelativeTime(ago(ms), now)).toBe(expected);
  });
});

describe("safeInAppLink", () => {
  it.each([
    ["/sessions/1", "/sessions/1"],
    ["/notifications?page=2", "/notifications?page=2"],
    ["https://evil.test", "/notifications"],
    ["//evil.test", "/notifications"],
    ["/\\evil.test", "/notifications"],
    ["javascript:alert(1)", "/notifications"],
    ["", "/notifications"],
  ])("%s → %s", (link, expected) => {
    expect(safeInAppLink(link)).toBe(expected);
  });
});
