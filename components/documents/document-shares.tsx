import { ShareStateBadge } from "@/components/access/share-state-badge";
import { formatDate } from "@/lib/format/dates";
import type { DocumentShareSummary } from "@/lib/documents/share-summaries";

/** How many shares a list row shows before "and N more" (the document page lists them all). */
const SHOWN = 3;

/**
 * A document's external shares beside it in a list (documents list, the chart's Documents tab and
 * overview): who it went to, when, and the share's state.
 */
export function DocumentShares({ title, shares }: { title: string; shares: DocumentShareSummary[] }) {
  if (shares.length === 0) return <span className="text-sm text-slate-600">Not shared outside the clinic</span>;
  return (
    <ul className="space-y-1 text-sm text-slate-700" aria-label={`External shares of ${title}`}>
      {shares.slice(0, SHOWN).map((s) => (
        <li key={s.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span>
            {s.contactName} <span className="text-slate-600">· {formatDate(s.sentAt)}</span>
            {s.documentCount > 1 && <span className="text-slate-600"> · {s.documentCount} documents in one link</span>}
          </span>
          <ShareStateBadge state={s.state} />
        </li>
      ))}
      {shares.length > SHOWN && <li className="text-slate-600">and {shares.length - SHOWN} more</li>}
    </ul>
  );
}
