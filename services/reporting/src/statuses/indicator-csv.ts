import { Language } from '@fremskudt/service-kit';
import { Breakdown } from '../breakdowns/breakdown-cells';
import { countCell, csvDocument, numberText, percentText } from '../reports/csv';
import { BREAKDOWN_COLUMN, KIND_LABELS, scopeName, WHOLE_SCOPE } from '../reports/labels';
import { GoalStatusesView, GoalStatusView, IndicatorRowView, IndicatorTableView } from './statuses.dto';

/** Kinds whose figures are shares, shown as percentages; rates are shown as a percentage per citizen-month. */
export const PERCENT_KINDS = new Set(['share', 'timeliness', 'cohort', 'milestone', 'rate']);

const HEADERS: Record<Language, string[]> = {
  da: ['Indikator', 'Periode', 'Retning', 'Mål', 'Realiseret', 'Tæller', 'Nævner', 'Population', 'Status', 'Sammenligning', 'Definitionsversion'],
  en: ['Indicator', 'Period', 'Direction', 'Target', 'Realised', 'Numerator', 'Denominator', 'Population', 'Status', 'Comparison', 'Definition version'],
};
const DIRECTIONS: Record<Language, Record<string, string>> = {
  da: { 'at-least': 'mindst', 'at-most': 'højst' },
  en: { 'at-least': 'at least', 'at-most': 'at most' },
};

/** A figure as the reports write it: "94,85 %" or "66" in Danish, "94.85 %" or "66" in English. */
export function formatFigure(value: number | null, kind: string, language: Language): string {
  if (value === null) return '';
  return PERCENT_KINDS.has(kind) ? percentText(value, language) : numberText(value, language, Number.isInteger(value) ? 0 : 2);
}

/** Milestones and manual goals have no direction to read against a target. */
const directionText = (kind: string, direction: string, language: Language) => (kind === 'milestone' || kind === 'manual' ? '' : DIRECTIONS[language][direction]);

type IndicatorFigures = Pick<IndicatorRowView, 'target' | 'realised' | 'numerator' | 'denominator' | 'populationSize' | 'statusLabel' | 'comparison'>;

/** An indicator line's figures, from the target to the comparison (the whole table's and a breakdown's alike). */
export const indicatorFigureCells = (figures: IndicatorFigures, kind: string, language: Language): string[] => [
  formatFigure(figures.target, kind, language),
  formatFigure(figures.realised, kind, language),
  countCell(figures.numerator),
  countCell(figures.denominator),
  countCell(figures.populationSize),
  figures.statusLabel,
  formatFigure(figures.comparison, kind, language),
];

/** The indicator table as CSV for spreadsheets (see csvDocument): one line per goal. */
export function indicatorTableCsv(table: IndicatorTableView, language: Language): string {
  const lines = table.rows.map((row) => [
    row.indicator,
    row.period,
    directionText(row.kind, row.direction, language),
    ...indicatorFigureCells(row, row.kind, language),
    String(row.definitionVersion),
  ]);
  return csvDocument([HEADERS[language], ...lines], language);
}

const STATUS_HEADERS: Record<Language, { before: string[]; after: string[] }> = {
  da: {
    before: ['Mål-id', 'Navn', 'Type', 'Scope'],
    after: [
      'Periode',
      'Fra',
      'Til',
      'Status',
      'Retning',
      'Måltal',
      'Realiseret',
      'Tæller',
      'Nævner',
      'Population',
      'Sammenligningsgruppe',
      'Sammenligning realiseret',
      'Sammenligning tæller',
      'Sammenligning nævner',
      'Sammenligning population',
      'Milepælsområder',
      'Manuel vurdering',
      'Definitionsversion',
      'Definition gemt',
    ],
  },
  en: {
    before: ['Goal id', 'Name', 'Kind', 'Scope'],
    after: [
      'Period',
      'From',
      'To',
      'Status',
      'Direction',
      'Target',
      'Realised',
      'Numerator',
      'Denominator',
      'Population',
      'Comparison scope',
      'Comparison realised',
      'Comparison numerator',
      'Comparison denominator',
      'Comparison population',
      'Milestone areas',
      'Manual assessment',
      'Definition version',
      'Definition saved',
    ],
  },
};

/** One goal's status with all its evidence as a CSV line (the breakdown column, when asked, after the scope). */
function statusLine(status: GoalStatusView, language: Language, part?: string): string[] {
  const { kind, comparison } = status;
  return [
    status.goalId,
    status.name,
    KIND_LABELS[language][kind] ?? kind,
    scopeName(status.scope)[language],
    ...(part === undefined ? [] : [part]),
    status.period.label,
    status.period.from,
    status.period.to,
    status.statusLabel,
    directionText(kind, status.direction, language),
    formatFigure(status.target, kind, language),
    formatFigure(status.realised, kind, language),
    countCell(status.numerator),
    countCell(status.denominator),
    countCell(status.populationSize),
    comparison ? scopeName(comparison.scope)[language] : '',
    formatFigure(comparison?.realised ?? null, kind, language),
    countCell(comparison?.numerator),
    countCell(comparison?.denominator),
    countCell(comparison?.populationSize),
    (status.areas ?? []).map((area) => `${area.areaCode}: ${area.reachedOn ?? '–'}`).join(', '),
    status.assessment ? `${status.assessment.comment} (${status.assessment.assessedBy}, ${status.assessment.assessedAt})` : '',
    String(status.definitionVersion),
    status.definitionRecordedAt,
  ];
}

/**
 * Goal statuses as CSV, each line with the whole evidence (realised, target, numerator,
 * denominator, population, period, definition version, comparison). With a breakdown: each
 * goal's line for its whole scope, then one per area or team with that cell's figures.
 */
export function goalStatusesCsv(view: Pick<GoalStatusesView, 'statuses'>, by: Breakdown | undefined, language: Language): string {
  const { before, after } = STATUS_HEADERS[language];
  const header = [...before, ...(by ? [BREAKDOWN_COLUMN[language][by]] : []), ...after];
  const lines = view.statuses.flatMap((status) =>
    by
      ? [
          statusLine(status, language, WHOLE_SCOPE[language]),
          // A cell has the goal's target and its own figures; it has no comparison, milestone areas or assessment.
          ...(status.breakdown ?? []).map((cell) =>
            statusLine({ ...status, ...cell, comparison: null, areas: undefined, assessment: undefined }, language, cell.key),
          ),
        ]
      : [statusLine(status, language)],
  );
  return csvDocument([header, ...lines], language);
}

const CITIZEN_HEADERS: Record<Language, string[]> = { da: ['Mål-id', 'Del', 'Pseudonymt borger-id'], en: ['Goal id', 'Part', 'Pseudonymous citizen id'] };
const PARTS: Record<Language, { numerator: string; denominator: string }> = { da: { numerator: 'Tæller', denominator: 'Nævner' }, en: { numerator: 'Numerator', denominator: 'Denominator' } };

/** The pseudonymous ids behind a status's numerator and denominator, one line each (for audit). */
export function goalCitizensCsv(status: GoalStatusView, language: Language): string {
  const citizens = status.citizens ?? { numerator: [], denominator: [] };
  const lines = (['numerator', 'denominator'] as const).flatMap((part) => citizens[part].map((id) => [status.goalId, PARTS[language][part], id]));
  return csvDocument([CITIZEN_HEADERS[language], ...lines], language);
}
