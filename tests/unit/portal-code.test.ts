import { describe, expect, it } from "vitest";
import { checkCode, issueCode, maskEmail, maskMobile, MAX_FAILURES_PER_CODE, type CodeState } from "@/lib/portal/code";

const KEY = "unit-test-share-code-key-0123456789";
const sentAt = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(sentAt.getTime() + ms);
const M = 60_000;
const S = 1_000;
const shareId = "6f1c7a4e-2b1d-4c3e-9a7b-1d2e3f4a5b6c";
const state = (over: Partial<CodeState> = {}): CodeState => ({ shareId, codeCounter: 1, codeSentAt: sentAt, codeUsed: false, codeFailures: 0, ...over });

describe("access codes (injectable clock)", () => {
  it("a code is six digits and works at 9:59", async () => {
    const code = await issueCode(shareId, 1, sentAt, KEY);
    expect(code).toMatch(/^\d{6}$/);
    expect(await checkCode(state(), code, at(9 * M + 59 * S), KEY)).toBe("accepted");
  });

  it("a code does not work at 10:01", async () => {
    const code = await issueCode(shareId, 1, sentAt, KEY);
    expect(await checkCode(state(), code, at(10 * M + S), KEY)).toBe("expired");
  });

  it("a used code is refused", async () => {
    const code = await issueCode(shareId, 1, sentAt, KEY);
    expect(await checkCode(state({ codeUsed: true }), code, at(M), KEY)).toBe("used");
  });

  it("a new code kills the old one", async () => {
    const old = await issueCode(shareId, 1, sentAt, KEY);
    const newSentAt = at(2 * M);
    const fresh = await issueCode(shareId, 2, newSentAt, KEY);
    const next = state({ codeCounter: 2, codeSentAt: newSentAt });
    expect(await checkCode(next, fresh, at(3 * M), KEY)).toBe("accepted");
    // The old code cannot match the new secret unless the six digits collide by chance.
    if (old !== fresh) expect(await checkCode(next, old, at(3 * M), KEY)).toBe("wrong");
  });

  it("a wrong or malformed code is refused without throwing", async () => {
    const code = await issueCode(shareId, 1, sentAt, KEY);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await checkCode(state(), wrong, at(M), KEY)).toBe("wrong");
    for (const bad of ["", "12345", "1234567", "abcdef", "12 345"]) expect(await checkCode(state(), bad, at(M), KEY)).toBe("wrong");
  });

  it("the code depends on the server key, the share and the counter", async () => {
    const a = await issueCode(shareId, 1, sentAt, KEY);
    const others = [await issueCode(shareId, 1, sentAt, KEY + "x"), await issueCode(shareId.replace("6f", "7f"), 1, sentAt, KEY), await issueCode(shareId, 3, sentAt, KEY)];
    // Six digits can collide; all three colliding would mean the inputs are ignored.
    expect(others.every((o) => o === a)).toBe(false);
  });

  it("no code sent, or too many failures on this code, is refused", async () => {
    const code = await issueCode(shareId, 1, sentAt, KEY);
    expect(await checkCode(state({ codeSentAt: null, codeCounter: 0 }), code, at(M), KEY)).toBe("no_code");
    expect(await checkCode(state({ codeFailures: MAX_FAILURES_PER_CODE }), code, at(M), KEY)).toBe("too_many");
  });

  it("masks an email to its first letter and domain", () => {
    expect(maskEmail("priya.shah@northside.test")).toBe("p•••@northside.test");
  });

  it("masks the mobile to its last three digits", () => {
    expect(maskMobile("+44 7700 900123")).toBe("•••• ••• 123");
  });
});
