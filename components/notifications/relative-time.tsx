"use client";

import { cn } from "@/components/ui/cn";
import { formatAbsoluteTime, formatRelativeTime } from "./format-time";

/**
 * A `<time>` showing how long ago something happened, with the exact time on hover (and visibly
 * with `withAbsolute`). Rendered on the client too, so the viewer's clock and time zone win; the
 * server's render may differ by a minute or a zone, hence suppressHydrationWarning.
 */
export function RelativeTime({ iso, withAbsolute = false, className }: { iso: string; withAbsolute?: boolean; className?: string }) {
  const date = new Date(iso);
  const exact = formatAbsoluteTime(date);
  return (
    <time dateTime={iso} title={exact} className={cn("text-xs text-slate-500", className)} suppressHydrationWarning>
      {withAbsolute ? `${formatRelativeTime(date)} · ${exact}` : formatRelativeTime(date)}
    </time>
  );
}
