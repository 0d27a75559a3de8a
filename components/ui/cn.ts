/** Joins class names, skipping falsy values. A tiny `clsx` without dependencies. */
export type ClassValue = string | number | null | undefined | false;

export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
