import { twMerge } from "tailwind-merge";

/** Class name values: falsy ones are skipped. */
export type ClassValue = string | number | null | undefined | false;

/**
 * Joins class names, skipping falsy values, and resolves conflicting Tailwind utilities so the
 * later one wins ("h-10 … h-9" → "h-9"): a caller's className overrides a component's default,
 * instead of whichever utility the stylesheet happens to define last.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(classes.filter(Boolean).join(" "));
}
