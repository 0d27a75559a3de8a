import { Badge } from "@/components/ui/badge";
import { formatLastDay, lastDayText } from "@/lib/access-ends/end-date";

/** "Until 31 Jan" beside a person whose access ends by itself; nothing when it has no end date. */
export function AccessUntil({ expiresAt }: { expiresAt: Date | string | null | undefined }) {
  if (!expiresAt) return null;
  const end = new Date(expiresAt);
  // The last day of access, in full, for screen readers and on hover.
  const lastDay = lastDayText(end);
  return (
    <Badge tone="warning" title={`Access ends at the end of ${lastDay}`} aria-label={`Access until ${lastDay}`}>
      Until {formatLastDay(end)}
    </Badge>
  );
}
