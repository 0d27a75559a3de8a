/** Keyset ("cursor") pagination of newest-first lists: sessions, documents. */

/**
 * A position in a "newest first" list: the row's sort key (its `listed_at`, kept as Postgres text so
 * no microsecond is lost) and its id. `after` asks for the rows below it (older), `before` for the
 * rows above it (newer, the previous page).
 */
export interface ListCursor {
  listedAt: string;
  id: string;
}
export type PageWindow = { after?: ListCursor; before?: ListCursor; limit: number };

/** A list's cursor as the URL carries it: one string of sane length, or nothing. */
export function cursorParam(v: string | string[] | undefined): string | undefined {
  return typeof v === "string" && v.length <= 200 ? v : undefined;
}

/** Cursors travel in the URL as one opaque, URL-safe token. */
export function encodeListCursor(c: ListCursor): string {
  return Buffer.from(`${c.listedAt}|${c.id}`, "utf8").toString("base64url");
}

/** Null for anything that is not a cursor this app made (the list then starts at the top). */
export function decodeListCursor(token: string | undefined | null): ListCursor | null {
  if (!token || token.length > 200) return null;
  const text = Buffer.from(token, "base64url").toString("utf8");
  const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(text);
  return m ? { listedAt: m[1]!, id: m[2]!.toLowerCase() } : null;
}
