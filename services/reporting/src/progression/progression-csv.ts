import { Language } from '@fremskudt/service-kit';
import { csvDocument, percentText } from '../reports/csv';
import { ProgressionDistributionView, ProgressionTransitionsView } from './progression.dto';

const TRANSITION_HEADERS: Record<Language, string[]> = {
  da: ['Gruppe', 'Startgruppe', 'Borgere', 'God (A-D)', 'Dårlig (E-G)', 'Job/uddannelse', 'Andet', 'God %', 'Dårlig %', 'Job/uddannelse %', 'Andet %'],
  en: ['Group', 'Starting group', 'Citizens', 'Good (A-D)', 'Poor (E-G)', 'Job/education', 'Other', 'Good %', 'Poor %', 'Job/education %', 'Other %'],
};

/** The transition tables as CSV: one line per scope and starting group. */
export function transitionsCsv(view: ProgressionTransitionsView, language: Language): string {
  const lines = view.tables.flatMap((table) =>
    table.rows.map((row) => [
      table.name,
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
  );
  return csvDocument([TRANSITION_HEADERS[language], ...lines], language);
}

const DISTRIBUTION_HEADERS: Record<Language, Record<'area' | 'team' | 'none', string[]>> = {
  da: { none: ['Gruppe', 'Borgere', 'Andel'], area: ['Område', 'Gruppe', 'Borgere', 'Andel'], team: ['Team', 'Gruppe', 'Borgere', 'Andel'] },
  en: { none: ['Group', 'Citizens', 'Share'], area: ['Area', 'Group', 'Citizens', 'Share'], team: ['Team', 'Group', 'Citizens', 'Share'] },
};
const NOT_ASSESSED: Record<Language, string> = { da: 'Ikke vurderet', en: 'Not assessed' };
const ALL: Record<Language, string> = { da: 'I alt', en: 'All' };

/** The distribution as CSV: A-G with shares of those assessed, then not assessed; per area or team when asked. */
export function distributionCsv(view: ProgressionDistributionView, language: Language): string {
  const parts = view.by ? [{ key: ALL[language], figures: view.total }, ...view.breakdown.map((figures) => ({ key: figures.key!, figures }))] : [{ key: null, figures: view.total }];
  const lines = parts.flatMap(({ key, figures }) =>
    [...figures.groups.map((group) => [group.group, String(group.citizens), percentText(group.share, language)]), [NOT_ASSESSED[language], String(figures.notAssessed), '']].map((line) =>
      key === null ? line : [key, ...line],
    ),
  );
  return csvDocument([DISTRIBUTION_HEADERS[language][view.by ?? 'none'], ...lines], language);
}
