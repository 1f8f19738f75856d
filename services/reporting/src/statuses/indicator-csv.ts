import { Language } from '@fremskudt/service-kit';
import { IndicatorTableView } from './statuses.dto';

/** Kinds whose figures are shares, shown as percentages; rates are shown as a percentage per citizen-month. */
const PERCENT_KINDS = new Set(['share', 'timeliness', 'cohort', 'milestone', 'rate']);

const HEADERS: Record<Language, string[]> = {
  da: ['Indikator', 'Periode', 'Retning', 'Mål', 'Realiseret', 'Tæller', 'Nævner', 'Status', 'Sammenligning', 'Definitionsversion'],
  en: ['Indicator', 'Period', 'Direction', 'Target', 'Realised', 'Numerator', 'Denominator', 'Status', 'Comparison', 'Definition version'],
};
const DIRECTIONS: Record<Language, Record<string, string>> = {
  da: { 'at-least': 'mindst', 'at-most': 'højst' },
  en: { 'at-least': 'at least', 'at-most': 'at most' },
};

/** A figure as the reports write it: "94,85 %" or "66" in Danish, "94.85 %" or "66" in English. */
export function formatFigure(value: number | null, kind: string, language: Language): string {
  if (value === null) return '';
  const percent = PERCENT_KINDS.has(kind);
  const number = percent ? value * 100 : value;
  const decimals = percent || !Number.isInteger(number) ? 2 : 0;
  const text = number.toLocaleString(language === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
  return percent ? `${text} %` : text;
}

/** RFC 4180 quoting: a field with the separator, a quote or a line break is quoted, quotes doubled. */
const field = (value: string, separator: string) => (/["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The indicator table as CSV for spreadsheets: in Danish with semicolons and decimal commas (as
 * Danish Excel reads it), in English with commas and decimal points; CRLF line ends, and a
 * byte-order mark so the Danish letters survive opening the file.
 */
export function indicatorTableCsv(table: IndicatorTableView, language: Language): string {
  const separator = language === 'da' ? ';' : ',';
  const lines = [HEADERS[language]].concat(
    table.rows.map((row) => [
      row.indicator,
      row.period,
      row.kind === 'milestone' || row.kind === 'manual' ? '' : DIRECTIONS[language][row.direction],
      formatFigure(row.target, row.kind, language),
      formatFigure(row.realised, row.kind, language),
      row.numerator === null ? '' : String(row.numerator),
      row.denominator === null ? '' : String(row.denominator),
      row.statusLabel,
      formatFigure(row.comparison, row.kind, language),
      String(row.definitionVersion),
    ]),
  );
  return `\uFEFF${lines.map((line) => line.map((value) => field(value, separator)).join(separator)).join('\r\n')}\r\n`;
}
