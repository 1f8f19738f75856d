import { Language } from '@fremskudt/service-kit';
import { countCell, csvDocument, percentText } from '../reports/csv';
import { BREAKDOWN_COLUMN, WHOLE_SCOPE } from '../reports/labels';
import { BreakdownBy } from './progression-queries';
import { GroupDistributionView, ProgressionDistributionView, ProgressionTransitionsView, TransitionFiguresView, TransitionTableView } from './progression.dto';

const TRANSITION_HEADERS: Record<Language, { group: string; rest: string[] }> = {
  da: { group: 'Gruppe', rest: ['Startgruppe', 'Borgere', 'God (A-D)', 'Dårlig (E-G)', 'Job/uddannelse', 'Andet', 'God %', 'Dårlig %', 'Job/uddannelse %', 'Andet %'] },
  en: { group: 'Group', rest: ['Starting group', 'Citizens', 'Good (A-D)', 'Poor (E-G)', 'Job/education', 'Other', 'Good %', 'Poor %', 'Job/education %', 'Other %'] },
};
const OUTCOME_LABELS: Record<Language, { good: string; poor: string; jobOrEducation: string; other: string }> = {
  da: { good: 'God (A-D)', poor: 'Dårlig (E-G)', jobOrEducation: 'Job/uddannelse', other: 'Andet' },
  en: { good: 'Good (A-D)', poor: 'Poor (E-G)', jobOrEducation: 'Job/education', other: 'Other' },
};
const NOT_ASSESSED_AT_START: Record<Language, string> = { da: 'Uden vurdering på første dato', en: 'Not assessed on the first date' };
const NOT_ASSESSED: Record<Language, string> = { da: 'Ikke vurderet', en: 'Not assessed' };
const CITIZEN_ID: Record<Language, string> = { da: 'Pseudonymt borger-id', en: 'Pseudonymous citizen id' };
const OUTCOME: Record<Language, string> = { da: 'Udfald', en: 'Outcome' };
const WITHOUT: Record<Language, Record<BreakdownBy, string>> = { da: { area: 'Uden område', team: 'Uden team' }, en: { area: 'No area', team: 'No team' } };

/** The parts of a view to write: the whole (and each area or team after it) with the breakdown column's text, or the whole alone. */
function partsOf<Figures>(by: BreakdownBy | null, whole: Figures, cells: Array<Figures & { key?: string | null }>, language: Language): Array<{ label: string[]; figures: Figures }> {
  if (!by) return [{ label: [], figures: whole }];
  return [{ label: [WHOLE_SCOPE[language]], figures: whole }, ...cells.map((cell) => ({ label: [cell.key ?? WITHOUT[language][by]], figures: cell }))];
}

const breakdownColumn = (by: BreakdownBy | null, language: Language) => (by ? [BREAKDOWN_COLUMN[language][by]] : []);

/** Each table's parts: the whole and, with a breakdown, each area or team of the first date. */
const tableParts = (view: ProgressionTransitionsView, table: TransitionTableView, language: Language) => partsOf<TransitionFiguresView>(view.by, table, table.breakdown, language);

/** The transition tables as CSV: per scope (and area or team), one line per starting group and one for those not assessed then. */
export function transitionsCsv(view: ProgressionTransitionsView, language: Language): string {
  const { group, rest } = TRANSITION_HEADERS[language];
  const lines = view.tables.flatMap((table) =>
    tableParts(view, table, language).flatMap(({ label, figures }) => [
      ...figures.rows.map((row) => [
        table.name,
        ...label,
        row.startLabel,
        String(row.citizens),
        String(row.good),
        String(row.poor),
        String(row.jobOrEducation),
        String(row.other),
        percentText(row.shares.good, language),
        percentText(row.shares.poor, language),
        percentText(row.shares.jobOrEducation, language),
        percentText(row.shares.other, language),
      ]),
      [table.name, ...label, NOT_ASSESSED_AT_START[language], String(figures.notAssessedAtStart), ...rest.slice(2).map(() => '')],
    ]),
  );
  return csvDocument([[group, ...breakdownColumn(view.by, language), ...rest], ...lines], language);
}

/** The pseudonymous ids behind each cell of the transition tables, one line each (for audit); per area or team with a breakdown. */
export function transitionCitizensCsv(view: ProgressionTransitionsView, language: Language): string {
  const { group, rest } = TRANSITION_HEADERS[language];
  const lines = view.tables.flatMap((table) =>
    // With a breakdown the cells hold every citizen once; the whole would list them again.
    tableParts(view, table, language)
      .slice(view.by ? 1 : 0)
      .flatMap(({ label, figures }) => [
        ...figures.rows.flatMap((row) =>
          (['good', 'poor', 'jobOrEducation', 'other'] as const).flatMap((outcome) =>
            (row.citizenIds?.[outcome] ?? []).map((id) => [table.name, ...label, row.startLabel, OUTCOME_LABELS[language][outcome], id]),
          ),
        ),
        ...(figures.notAssessedAtStartCitizenIds ?? []).map((id) => [table.name, ...label, NOT_ASSESSED_AT_START[language], '', id]),
      ]),
  );
  return csvDocument([[group, ...breakdownColumn(view.by, language), rest[0], OUTCOME[language], CITIZEN_ID[language]], ...lines], language);
}

const DISTRIBUTION_HEADERS: Record<Language, string[]> = { da: ['Gruppe', 'Borgere', 'Andel'], en: ['Group', 'Citizens', 'Share'] };

/** The distribution as CSV: A-G with shares of those assessed, then not assessed; per area or team when asked. */
export function distributionCsv(view: ProgressionDistributionView, language: Language): string {
  const lines = partsOf<GroupDistributionView>(view.by, view.total, view.breakdown, language).flatMap(({ label, figures }) => [
    ...figures.groups.map((group) => [...label, group.group, String(group.citizens), percentText(group.share, language)]),
    [...label, NOT_ASSESSED[language], countCell(figures.notAssessed), ''],
  ]);
  return csvDocument([[...breakdownColumn(view.by, language), ...DISTRIBUTION_HEADERS[language]], ...lines], language);
}

/** The pseudonymous ids behind each group of the distribution, one line each (for audit); per area or team with a breakdown. */
export function distributionCitizensCsv(view: ProgressionDistributionView, language: Language): string {
  const lines = partsOf<GroupDistributionView>(view.by, view.total, view.breakdown, language)
    .slice(view.by ? 1 : 0)
    .flatMap(({ label, figures }) => [
      ...figures.groups.flatMap((group) => (group.citizenIds ?? []).map((id) => [...label, group.group, id])),
      ...(figures.notAssessedCitizenIds ?? []).map((id) => [...label, NOT_ASSESSED[language], id]),
    ]);
  return csvDocument([[...breakdownColumn(view.by, language), DISTRIBUTION_HEADERS[language][0], CITIZEN_ID[language]], ...lines], language);
}
