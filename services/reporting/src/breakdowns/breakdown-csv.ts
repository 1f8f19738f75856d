import { Language } from '@fremskudt/service-kit';
import { csvDocument } from '../reports/csv';
import { BREAKDOWN_COLUMN, WHOLE_SCOPE } from '../reports/labels';
import { indicatorFigureCells } from '../statuses/indicator-csv';
import { IndicatorTableView } from '../statuses/statuses.dto';
import { Breakdown } from './breakdown-cells';

const HEADERS: Record<Language, { indicator: string; rest: string[] }> = {
  da: { indicator: 'Indikator', rest: ['Periode', 'Mål', 'Realiseret', 'Tæller', 'Nævner', 'Population', 'Status', 'Sammenligning', 'Definitionsversion'] },
  en: { indicator: 'Indicator', rest: ['Period', 'Target', 'Realised', 'Numerator', 'Denominator', 'Population', 'Status', 'Comparison', 'Definition version'] },
};

/** The indicator table broken down by area or team as CSV: each goal's whole-scope line, then one per area (team). */
export function indicatorBreakdownCsv(table: IndicatorTableView, by: Breakdown, language: Language): string {
  const lines = table.rows.flatMap((row) =>
    [{ key: WHOLE_SCOPE[language], ...row }, ...(row.breakdown ?? []).map((cell) => ({ ...cell, comparison: null }))].map((line) => [
      row.indicator,
      line.key,
      row.period,
      ...indicatorFigureCells(line, row.kind, language),
      String(row.definitionVersion),
    ]),
  );
  const { indicator, rest } = HEADERS[language];
  return csvDocument([[indicator, BREAKDOWN_COLUMN[language][by], ...rest], ...lines], language);
}
