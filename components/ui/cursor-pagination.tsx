import Link from "next/link";
import { ButtonLink, buttonClasses } from "./button";
import { EmptyState } from "./empty-state";
import { cn } from "./cn";

export type CursorPaginationProps = {
  /** Links to the newer / older page; null at either end of the list. */
  prevHref: string | null;
  nextHref: string | null;
  className?: string;
};

/**
 * Server component: Previous/Next links for lists paged by cursor. Such lists count no total
 * (counting every row would cost more than the page), so there is no "of N" and no page number.
 */
export function CursorPagination({ prevHref, nextHref, className }: CursorPaginationProps) {
  if (!prevHref && !nextHref) return null;
  const enabled = buttonClasses({ variant: "secondary", size: "sm" });
  const disabled = cn(enabled, "cursor-not-allowed opacity-50 shadow-none");
  return (
    <nav aria-label="Pagination" className={cn("mt-4 flex items-center justify-end gap-2", className)} data-print="hide">
      {prevHref ? (
        <Link href={prevHref} rel="prev" className={enabled}>
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Previous
        </span>
      )}
      {nextHref ? (
        <Link href={nextHref} rel="next" className={enabled}>
          Next
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Next
        </span>
      )}
    </nav>
  );
}

/**
 * What a page reached by a cursor shows when nothing is on it any more (its rows were revoked,
 * deleted or moved since the link was made): not the list's "nothing yet", which would be untrue
 * while earlier pages still hold rows, but the way back to the first page.
 */
export function PageNowEmpty({ firstPageHref, what }: { firstPageHref: string; what: string }) {
  return (
    <EmptyState
      title="Nothing left on this page"
      description={`The ${what} that were here have changed since this page was opened.`}
      action={<ButtonLink href={firstPageHref}>Back to the first page</ButtonLink>}
    />
  );
}
