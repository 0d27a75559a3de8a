import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/validation/ids";
import { CONTROL_CHARACTER_MESSAGE, isPlainText, searchParam, searchText, stripControlCharacters, text } from "@/lib/validation/text";

describe("free text", () => {
  it("accepts what people type, with tabs and line breaks (CRLF from a textarea), emoji and any script", () => {
    for (const v of ["", "Dr Priya Shah", "Line one\r\nLine two\n\tindented", "😀 👩‍⚕️", "ﷺ Ω ß 東京", "‮right-to-left"]) expect(isPlainText(v), JSON.stringify(v)).toBe(true);
  });

  it("refuses control characters and lone surrogate halves with a field message", () => {
    for (const v of ["\u0000", "a\u0000b", "\u0007", "\u000b", "\u000c", "\u001b[31m", "\u007f", "\u0085", "\u009f", "\ud800", "x\udfff", "\ud83d"]) {
      expect(isPlainText(v), JSON.stringify(v)).toBe(false);
      const parsed = text().trim().max(100).safeParse(v);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
    }
  });

  it("search terms lose control characters instead of being refused", () => {
    expect(stripControlCharacters("a\u0000b\u001bc\ud800")).toBe("abc");
    expect(searchText().parse("  Lee\u0000  ")).toBe("Lee");
    expect(searchParam("%00")).toBe("%00");
    expect(searchParam("\u0000")).toBe("");
    expect(searchParam(["first\u0007", "second"])).toBe("first");
    expect(searchParam(undefined)).toBe("");
    expect(searchParam("x".repeat(500))).toHaveLength(100);
  });
});

describe("ids", () => {
  it("are UUIDs, not anything 36 characters of hex and dashes", () => {
    expect(isUuid("00000000-0000-4000-8000-000000000000")).toBe(true);
    expect(isUuid(crypto.randomUUID())).toBe(true);
    for (const v of ["-".repeat(36), "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "0000000000000000000000000000000000-0", "%00", "", null, 42]) expect(isUuid(v), String(v)).toBe(false);
  });
});

describe("ids in the URL (proxy)", () => {
  it("flags record paths whose id is not a UUID, and nothing else", async () => {
    const { hasMalformedId } = await import("@/lib/request/malformed-id");
    const id = "00000000-0000-4000-8000-000000000000";
    for (const p of [`/sessions/${"-".repeat(36)}`, "/clients/%00", `/clients/${id}/forms/x`, "/documents/abc/pdf", "/documents/shared/x", "/settings/roles/%E0%A4%A", "/share/s/zz", `/portal/profiles/${id}/forms/1`]) expect(hasMalformedId(p), p).toBe(true);
    for (const p of ["/sessions", "/sessions/new", `/sessions/${id}`, `/clients/${id}/portal`, `/clients/${id}/forms/${id}`, "/documents/new", "/documents/shared", "/share/abcdefghijklmnopqrstuvwxyz", "/portal/sign-in", "/settings/sharing"]) expect(hasMalformedId(p), p).toBe(false);
  });
});
