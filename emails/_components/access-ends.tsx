import { Paragraph } from "./layout";

/** "This access ends at the end of 8 Dec 2026." for access given until a day; nothing without an end. */
export function AccessEnds({ lastDay }: { lastDay?: string | null }) {
  return lastDay ? <Paragraph>{`This access ends at the end of ${lastDay}.`}</Paragraph> : null;
}
