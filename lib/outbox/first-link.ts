/** The first web link in a message's text (the call to action), for the outbox viewer and tests. */
export function firstLink(text: string): string | null {
  return text.match(/https?:\/\/[^\s<>"')\]]+/)?.[0] ?? null;
}
