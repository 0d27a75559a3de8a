/** "1 hour", "48 hours": the counts in our emails are whole numbers. */
export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
