/**
 * What a contact may send back, recognised by the file's first bytes (its "magic number"), never
 * by its name or the browser's content type: a renamed executable is refused, a PDF named
 * "scan.jpg" is taken as the PDF it is. Pure, for the domain's check (sendReply) and its tests.
 */
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_MB } from "@/lib/request/body-limit";

export const MAX_REPLY_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export const REPLY_FILE_TYPES = [
  { contentType: "application/pdf", extension: "pdf", magic: Buffer.from("%PDF-", "latin1") },
  { contentType: "image/png", extension: "png", magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: "image/jpeg", extension: "jpg", magic: Buffer.from([0xff, 0xd8, 0xff]) },
] as const;

export type ReplyFileType = (typeof REPLY_FILE_TYPES)[number];
export type ReplyContentType = ReplyFileType["contentType"];

/** The file's type by content, or null when it is none of the accepted ones. */
export function detectReplyFileType(bytes: Uint8Array): ReplyFileType | null {
  return REPLY_FILE_TYPES.find((t) => bytes.length >= t.magic.length && t.magic.every((b, i) => bytes[i] === b)) ?? null;
}

/** The domain's check of a file sent back: its size, then its type by content. Throws a field error. */
export function checkReplyFile(bytes: Uint8Array): ReplyFileType {
  if (bytes.length > MAX_REPLY_BYTES) throw new AppError("reply_too_large", { field: "file" });
  const type = detectReplyFileType(bytes);
  if (!type) throw new AppError("reply_file_type", { field: "file" });
  return type;
}

/**
 * A safe name to store and offer for download: the person's base name (no path, no control or
 * quoting characters), with the extension of what the file really is.
 */
export function replyFilename(original: string, type: ReplyFileType): string {
  const base = original
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 ._-]+/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80);
  return `${base || "document"}.${type.extension}`;
}
