import { describe, expect, it } from "vitest";
import { AUDIT_GROUPS, AUDIT_SENTENCES, describeAuditAction } from "@/lib/audit/action-groups";
import { csvCell, csvLine } from "@/lib/audit/csv";
import { AuditAction } from "@/lib/audit/events";
import { summariseUserAgent } from "@/lib/audit/user-agent";

describe("the audit log's wording", () => {
  it("has a sentence for every action, and puts no action in two groups", () => {
    const missing = AuditAction.options.filter((a) => !AUDIT_SENTENCES[a]);
    expect(missing).toEqual([]);
    const grouped = Object.values(AUDIT_GROUPS).flatMap((g) => [...g.actions]);
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it("says what changed where the event's details allow: a team's name, how a code was used, an answer's level and end", () => {
    expect(describeAuditAction("team.deleted", { name: "Physiotherapy", members: 2, sessionsMadePrivate: 1 })).toBe("Deleted a team: Physiotherapy");
    expect(describeAuditAction("team.renamed", { from: "Physio", to: "Physiotherapy" })).toBe("Renamed a team: Physio → Physiotherapy");
    expect(describeAuditAction("auth.second_factor_accepted", { via: "recovery_code" })).toBe("Signed in with a second factor (a recovery code)");
    expect(describeAuditAction("auth.second_factor_accepted", { via: "authenticator" })).toBe("Signed in with a second factor");
    expect(describeAuditAction("auth.second_factor_refused", { reason: "wrong_code", alreadyUsed: true })).toBe("Entered a wrong two-factor code (a code already used)");
    // The end is stored as the midnight after the last day (clinic time, winter: UTC).
    expect(describeAuditAction("access.request_approved", { level: "view", endsAt: "2026-12-09T00:00:00.000Z" })).toMatch(/ \(View, until 8 Dec 2026\)$/);
    expect(describeAuditAction("access.request_declined", { withReason: true })).toMatch(/ \(with a reason\)$/);
  });

  it("summarises user agents as browser on system", () => {
    expect(summariseUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe("Chrome on macOS");
    expect(summariseUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).toBe("Edge on Windows");
    expect(summariseUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).toBe("Safari on iOS");
    expect(summariseUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0")).toBe("Firefox on Linux");
    expect(summariseUserAgent(null)).toBe("Unknown device");
  });
});

describe("CSV cells", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvCell('Say "hi", then go')).toBe('"Say ""hi"", then go"');
    for (const start of ["=", "+", "-", "@", "\t"]) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("Dr Shah")).toBe("Dr Shah");
    expect(csvLine(["a", null, 3])).toBe("a,,3\r\n");
  });
});
