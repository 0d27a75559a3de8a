import { pdfFilename } from "@/lib/pdf/pdf-canvas";

export interface StoredFile {
  bytes: Buffer;
  filename: string;
  contentType: string;
}

/** A document_files row as a download: a PDF under its tidied name, an image (sent back by a contact) as stored. */
export function storedFile(file: { bytes: Buffer; filename: string; contentType: string }): StoredFile {
  const pdf = file.contentType === "application/pdf";
  return { bytes: file.bytes, filename: pdf ? pdfFilename(file.filename.replace(/\.pdf$/i, "")) : file.filename, contentType: pdf ? "application/pdf" : file.contentType };
}
