/**
 * CSV writing per RFC 4180: a field is quoted when it holds a comma, a double quote,
 * a carriage return or a line feed; a double quote inside a quoted field is doubled.
 * Records are joined with "\n" (what Google Sheets' own "Download as CSV" writes is
 * accepted either way by importers; LF keeps the committed files identical on every
 * platform). The text ends with a line break after the last record.
 */
export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : value;
  if (/[",\r\n]/.test(s)) return '"' + s.replace(/"/g, '""') + '"';
  return s;
}

export function csvRow(fields: readonly CsvValue[]): string {
  return fields.map(csvField).join(',');
}

export function toCsv(rows: readonly (readonly CsvValue[])[], eol = '\n'): string {
  return rows.map(csvRow).join(eol) + eol;
}
