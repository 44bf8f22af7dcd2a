/**
 * What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): an entry's title
 * `=HYPERLINK("http://…")` would become a live link, or worse, in the file a reader downloads.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field, quoted when it must be (RFC 4180). Text that starts like a formula gets a leading
 * `'`, which spreadsheets read as "this is text"; numbers stay numbers, negative ones included.
 */
const csvField = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows of objects → CSV with a header line, CRLF line ends, UTF-8 BOM so spreadsheets read accents. */
export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: Array<keyof T & string>): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => csvField(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
