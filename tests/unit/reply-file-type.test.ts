import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { canReply, replyInboxScope } from "@/lib/access/replies";
import type { StaffActor } from "@/lib/access/actor";
import { checkReplyFile, MAX_REPLY_BYTES, replyFilename } from "@/lib/replies/file-type";

const PDF = Buffer.from("%PDF-1.4\n", "latin1");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0]);

describe("a file sent back, by content", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", () => {
    expect(checkReplyFile(PDF).contentType).toBe("application/pdf");
    expect(checkReplyFile(PNG).contentType).toBe("image/png");
    expect(checkReplyFile(JPEG).contentType).toBe("image/jpeg");
  });

  it("refuses everything else: GIF, ZIP/DOCX, an executable, SVG, HTML, a truncated signature, nothing", () => {
    const others = ["GIF89a", "PK\x03\x04", "MZ\x90\x00", "<svg xmlns='http://www.w3.org/2000/svg'/>", "<!doctype html>", "%PDF", ""];
    for (const o of others) expect(() => checkReplyFile(Buffer.from(o, "latin1")), JSON.stringify(o)).toThrow(expect.objectContaining({ code: "reply_file_type" }));
    expect(() => checkReplyFile(PNG.subarray(0, 7))).toThrow(expect.objectContaining({ code: "reply_file_type" }));
  });

  it("takes exactly 10 MB and refuses one byte more", () => {
    const atLimit = Buffer.concat([PDF, Buffer.alloc(MAX_REPLY_BYTES - PDF.length)]);
    expect(checkReplyFile(atLimit).contentType).toBe("application/pdf");
    expect(() => checkReplyFile(Buffer.concat([atLimit, Buffer.alloc(1)]))).toThrow(expect.objectContaining({ code: "reply_too_large" }));
  });

  it("stores a safe name with the extension of what the file really is", () => {
    const pdf = checkReplyFile(PDF);
    expect(replyFilename("scan.jpg", pdf)).toBe("scan.pdf");
    expect(replyFilename("..\\..\\windows\\evil\".pdf", pdf)).toBe("evil.pdf");
    expect(replyFilename("résumé  final.PDF", pdf)).toBe("resume final.pdf");
    expect(replyFilename("", checkReplyFile(PNG))).toBe("document.png");
  });
});

function actor(role: keyof typeof BUILT_IN_ROLES, patients?: "view"): StaffActor {
  const permissions = { ...BUILT_IN_ROLES[role].permissions, ...(patients ? { patients } : {}) };
  return { userId: "u1", name: "", email: "", organisationId: "o1", organisationName: "", membershipId: "m1", role: { id: "r", name: role, builtIn: role, permissions }, teamIds: [] };
}

describe("who may handle a reply (lib/access/replies.ts)", () => {
  const facts = (o: Partial<Parameters<typeof canReply>[2]> = {}) => ({ organisationId: "o1", sight: "full" as const, sharedById: "someone-else", ...o });

  it("the chart's document managers (patients at edit) handle every reply; others only replies to their own shares", () => {
    expect(replyInboxScope(actor("clinician"))).toBe("all");
    expect(replyInboxScope(actor("clinician", "view"))).toBe("own");
    expect(canReply(actor("clinician"), { do: "discard" }, facts())).toBe(true);
    expect(canReply(actor("clinician", "view"), { do: "view" }, facts())).toBe(false);
    expect(canReply(actor("clinician", "view"), { do: "view" }, facts({ sharedById: "u1" }))).toBe(true);
  });

  it("needs the chart in full (not through an emergency grant) and the same organisation", () => {
    expect(canReply(actor("admin"), { do: "view" }, facts({ sight: "emergency" }))).toBe(false);
    expect(canReply(actor("admin"), { do: "view" }, facts({ sight: "none", sharedById: "u1" }))).toBe(false);
    expect(canReply(actor("admin"), { do: "view" }, facts({ organisationId: "o2" }))).toBe(false);
  });

  it("filing as a kind needs what creating that kind needs", () => {
    expect(canReply(actor("clinician"), { do: "file", kind: "lab_result" }, facts())).toBe(true);
    expect(canReply(actor("clinician"), { do: "file", kind: "invoice" }, facts())).toBe(false);
    expect(canReply(actor("medical_secretary"), { do: "file", kind: "invoice" }, facts())).toBe(true);
  });
});
