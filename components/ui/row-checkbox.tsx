import type { ComponentProps } from "react";
import { cn } from "./cn";

/** The checkbox that selects a row of a table for an action on several (label it by the row). */
export function RowCheckbox({ className, ...props }: Omit<ComponentProps<"input">, "type"> & { "aria-label": string }) {
  return (
    <input
      type="checkbox"
      className={cn("size-4 rounded border-slate-300 accent-teal-700 focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-50", className)}
      {...props}
    />
  );
}
