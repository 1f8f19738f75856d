import { Language } from '@fremskudt/service-kit';
import { GoalScope } from '../goals/goal-definition';
import { Localised } from '../read-models/fact-catalog';

/** A goal's kind as the reports name it. */
export const KIND_LABELS: Record<Language, Record<string, string>> = {
  da: { share: 'andel', count: 'antal', rate: 'rate pr. måned', timeliness: 'rettidighed', cohort: 'kohorte', milestone: 'milepæl', manual: 'manuel vurdering' },
  en: { share: 'share', count: 'count', rate: 'rate per month', timeliness: 'timeliness', cohort: 'cohort', milestone: 'milestone', manual: 'manual assessment' },
};

/** A scope named by what it is: its areas, teams and project; none of them is the whole municipality. */
export function scopeName(scope: GoalScope): Localised {
  const parts = { da: [] as string[], en: [] as string[] };
  if (scope.areas?.length) {
    parts.da.push(`områder: ${scope.areas.join(', ')}`);
    parts.en.push(`areas: ${scope.areas.join(', ')}`);
  }
  if (scope.teams?.length) {
    parts.da.push(`teams: ${scope.teams.join(', ')}`);
    parts.en.push(`teams: ${scope.teams.join(', ')}`);
  }
  if (scope.project !== undefined) {
    parts.da.push(`projekt: ${scope.project}`);
    parts.en.push(`project: ${scope.project}`);
  }
  return parts.da.length ? { da: parts.da.join('; '), en: parts.en.join('; ') } : { da: 'Hele kommunen', en: 'The whole municipality' };
}

/** The column naming a breakdown's part, and the line for the whole. */
export const BREAKDOWN_COLUMN: Record<Language, Record<'area' | 'team', string>> = { da: { area: 'Område', team: 'Team' }, en: { area: 'Area', team: 'Team' } };
export const WHOLE_SCOPE: Record<Language, string> = { da: 'I alt', en: 'All' };
