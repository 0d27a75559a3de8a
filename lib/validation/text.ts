import { z } from "zod";

/**
 * Control characters a person never types: C0 except tab, newline and carriage return (browsers
 * send textarea line breaks as CRLF), DEL and C1. A NUL makes PostgreSQL refuse the statement,
 * which used to surface as a 500 with the clinical text in the log; the others are never meant.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** A lone surrogate half cannot be stored as UTF-8 (jsonb refuses its escape). */
const LONE_SURROGATE = /(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF]))|(?:(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;
const LONE_SURROGATE_ALL = /(?:[\uD800-\uDBFF](?![\uDC00-\uDFFF]))|(?:(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/g;

export const CONTROL_CHARACTER_MESSAGE = "Remove the invisible control characters from this text (they were probably pasted in).";

/** True when the text holds nothing a person can't have meant to type. */
export function isPlainText(v: string): boolean {
  return !CONTROL.test(v) && !LONE_SURROGATE.test(v);
}

/** For search boxes: drop what isPlainText refuses rather than refuse the search. */
export function stripControlCharacters(v: string): string {
  return v.replace(CONTROL_ALL, "").replace(LONE_SURROGATE_ALL, "");
}

/**
 * The one string schema for free text (names, titles, notes, messages…): a field message
 * instead of a database error when it holds control characters. Chain .trim()/.min()/.max() as usual.
 */
export function text() {
  return z.string().refine(isPlainText, CONTROL_CHARACTER_MESSAGE);
}

/** A search term: control characters are removed (never an error), then trimmed and capped. */
export function searchText(max = 100) {
  return z
    .string()
    .transform((v) => stripControlCharacters(v).trim().slice(0, max));
}

/** A search box's value from the URL (`?q=`; repeated or missing → first or ""), cleaned like searchText. */
export function searchParam(v: unknown, max = 100): string {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? stripControlCharacters(first).trim().slice(0, max) : "";
}
