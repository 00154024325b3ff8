/**
 * CSV for the audit export (RFC 4180). Pure, so the escaping rules are unit-tested exhaustively.
 */

/** Characters a spreadsheet may read as the start of a formula (tab and CR too, per OWASP). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One cell: a value a spreadsheet would run as a formula gets a leading apostrophe, then the cell
 * is quoted when it holds a quote, comma, line break or edge whitespace, with quotes doubled.
 */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(cells: Array<string | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
