import Link from "next/link";
import { buttonClasses } from "./button";
import { cn } from "./cn";

export type PaginationProps = {
  /** 1-based page number. */
  page: number;
  pageSize: number;
  total: number;
  hrefForPage: (page: number) => string;
  className?: string;
};

/** Server component: "Showing 1–20 of 134" with Previous/Next links; nothing when everything fits on one page. */
export function Pagination({ page, pageSize, total, hrefForPage, className }: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const from = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const to = Math.min(total, current * pageSize);
  const hasPrev = current > 1;
  const hasNext = current < pageCount;
  const fmt = (n: number) => n.toLocaleString("en-GB");
  // One page: nothing to page through, so no controls.
  if (pageCount <= 1) return null;

  const disabled = cn(buttonClasses({ variant: "secondary", size: "sm" }), "cursor-not-allowed opacity-50 shadow-none");

  return (
    <nav
      aria-label="Pagination"
      className={cn("mt-4 flex flex-wrap items-center justify-between gap-3", className)}
      data-print="hide"
    >
      <p className="text-sm text-slate-600" aria-live="polite">
        Showing <span className="font-medium text-slate-900">{fmt(from)}</span>–
        <span className="font-medium text-slate-900">{fmt(to)}</span> of{" "}
        <span className="font-medium text-slate-900">{fmt(total)}</span>
      </p>
      <div className="flex items-center gap-2">
        {hasPrev ? (
          <Link href={hrefForPage(current - 1)} rel="prev" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Previous
          </span>
        )}
        <span className="hidden text-sm text-slate-500 sm:inline">
          Page {current} of {pageCount}
        </span>
        {hasNext ? (
          <Link href={hrefForPage(current + 1)} rel="next" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
