/** The field separators a CSV export offers: `?sep=semicolon` for spreadsheets in German locales, where the comma is the decimal mark. */
export const SEPARATORS = { comma: ',', semicolon: ';' } as const;
export type SeparatorName = keyof typeof SEPARATORS;

/** UTF-8's byte order mark: without it, spreadsheet programs read a CSV file as Windows-1252 and spoil every umlaut. */
export const BOM = '\uFEFF';

/** RFC 4180 ends every record, the last included, with CRLF. */
const CRLF = '\r\n';

/**
 * Text that a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return
 * first): an editor's "=HYPERLINK(…)" in a name must reach ministry staff as text, not run when
 * they open the file. Such a value gets a leading apostrophe, as OWASP recommends for CSV files.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** What a CSV field is made from. */
export type CsvValue = string | number | boolean | null;

/** A value as one RFC 4180 field: quoted when it holds the separator, a quote or a line break, quotes doubled; null is empty. */
export function csvField(value: CsvValue, separator: string): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  const quote = text.includes('"') || text.includes('\n') || text.includes('\r') || text.includes(separator);
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF included. */
export function csvRecord(values: readonly CsvValue[], separator: string): string {
  return values.map((value) => csvField(value, separator)).join(separator) + CRLF;
}
