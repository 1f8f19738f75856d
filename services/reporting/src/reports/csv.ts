import type { Response } from 'express';
import { Language } from '@fremskudt/service-kit';

/** RFC 4180 quoting: a field with the separator, a quote or a line break is quoted, quotes doubled. */
const field = (value: string, separator: string) => (/["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * A table as CSV for spreadsheets: Danish with semicolons (as Danish Excel reads it; decimal
 * commas are in the values), English with commas; CRLF line ends and a byte-order mark so the
 * Danish letters survive opening the file.
 */
export function csvDocument(lines: string[][], language: Language): string {
  const separator = language === 'da' ? ';' : ',';
  return `\uFEFF${lines.map((line) => line.map((value) => field(value, separator)).join(separator)).join('\r\n')}\r\n`;
}

/** Answers with a CSV document as a download named `<name>.csv` (the body is returned for Nest to send). */
export function csvDownload(response: Response, name: string, text: string): string {
  response.type('text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
  return text;
}

/** A count as a spreadsheet reads it (no grouping); empty when there is none. */
export const countCell = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** A share as the reports write it: "66,13 %" in Danish, "66.13 %" in English; empty when there is none. */
export function percentText(value: number | null, language: Language, decimals = 2): string {
  if (value === null) return '';
  const text = (value * 100).toLocaleString(language === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
  return `${text} %`;
}

/** A number with decimals in the language's way (no grouping: spreadsheets read it as a number). */
export function numberText(value: number | null, language: Language, decimals = 1): string {
  if (value === null) return '';
  return value.toLocaleString(language === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
}
