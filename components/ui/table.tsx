import type { ComponentProps } from "react";
import { cn } from "./cn";

export type TableProps = ComponentProps<"table"> & {
  /** Class for the scrolling wrapper (border, rounding). */
  wrapperClassName?: string;
};

/**
 * A table inside a horizontally scrolling, bordered wrapper. Add a `<caption>` (sr-only is fine)
 * for context. Below 640 px its rows stack (app/globals.css, `.table-stack`); the explicit roles
 * keep it a table for screen readers once its parts are no longer displayed as one.
 */
export function Table({ className, wrapperClassName, ...props }: TableProps) {
  return (
    <div className={cn("w-full overflow-x-auto rounded-lg border border-slate-200 bg-white", wrapperClassName)}>
      <table role="table" className={cn("table-stack w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead role="rowgroup" className={cn("border-b border-slate-200 bg-slate-50", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody role="rowgroup" className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr role="row" className={cn("align-top transition-colors hover:bg-slate-50/70", className)} {...props} />;
}

export function Th({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      role={scope === "row" ? "rowheader" : "columnheader"}
      className={cn("px-4 py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase", className)}
      {...props}
    />
  );
}

/** A cell; `label` names its column on narrow screens, where the header row is not shown. */
export function Td({ className, label, ...props }: ComponentProps<"td"> & { label?: string }) {
  return <td role="cell" data-label={label} className={cn("px-4 py-3 text-slate-800", className)} {...props} />;
}
