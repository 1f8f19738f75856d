import { Language } from '@fremskudt/service-kit';
import { csvDocument } from '../reports/csv';
import { formatFigure } from '../statuses/indicator-csv';
import { IndicatorTableView } from '../statuses/statuses.dto';
import { Breakdown } from './breakdown-cells';

const HEADERS: Record<Language, Record<Breakdown, string[]>> = {
  da: {
    area: ['Indikator', 'Område', 'Periode', 'Mål', 'Realiseret', 'Tæller', 'Nævner', 'Status', 'Sammenligning', 'Definitionsversion'],
    team: ['Indikator', 'Team', 'Periode', 'Mål', 'Realiseret', 'Tæller', 'Nævner', 'Status', 'Sammenligning', 'Definitionsversion'],
  },
  en: {
    area: ['Indicator', 'Area', 'Period', 'Target', 'Realised', 'Numerator', 'Denominator', 'Status', 'Comparison', 'Definition version'],
    team: ['Indicator', 'Team', 'Period', 'Target', 'Realised', 'Numerator', 'Denominator', 'Status', 'Comparison', 'Definition version'],
  },
};
const WHOLE_SCOPE: Record<Language, string> = { da: 'I alt', en: 'All' };
const count = (value: number | null) => (value === null ? '' : String(value));

/** The indicator table broken down by area or team as CSV: each goal's whole-scope line, then one per area (team). */
export function indicatorBreakdownCsv(table: IndicatorTableView, by: Breakdown, language: Language): string {
  const lines = table.rows.flatMap((row) => [
    [
      row.indicator,
      WHOLE_SCOPE[language],
      row.period,
      formatFigure(row.target, row.kind, language),
      formatFigure(row.realised, row.kind, language),
      count(row.numerator),
      count(row.denominator),
      row.statusLabel,
      formatFigure(row.comparison, row.kind, language),
      String(row.definitionVersion),
    ],
    ...(row.breakdown ?? []).map((cell) => [
      row.indicator,
      cell.key,
      row.period,
      formatFigure(cell.target, row.kind, language),
      formatFigure(cell.realised, row.kind, language),
      count(cell.numerator),
      count(cell.denominator),
      cell.statusLabel,
      '',
      String(row.definitionVersion),
    ]),
  ]);
  return csvDocument([HEADERS[language][by], ...lines], language);
}
