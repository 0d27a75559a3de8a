// A timestamp read with raw SQL arrives as a Date from node-postgres and as a string from some
// drivers (and from `::text` casts): rows read that way turn it into a Date here.
export function rowDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(v);
}

export function rowDateOrNull(v: Date | string | null): Date | null {
  return v === null ? null : rowDate(v);
}
