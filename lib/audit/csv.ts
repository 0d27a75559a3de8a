/**
 * One CSV cell (RFC 4180 quoting). A cell that a spreadsheet would read as a formula (starting with
 * = + - @, or a tab or carriage return before one) is prefixed with an apostrophe: CSV injection.
 * Names, user agents and metadata in the log come from outside the clinic.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
