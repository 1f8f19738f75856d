import { Language } from '@fremskudt/service-kit';
import { OpenCounsellingStatisticsView } from '../open-counselling/open-counselling.dto';
import { TransitionTableView } from '../progression/progression.dto';
import { PERCENT_KINDS } from '../statuses/indicator-csv';
import { GoalStatusView, IndicatorRowView } from '../statuses/statuses.dto';
import { KIND_LABELS } from './labels';

/** Everything a report shows, as computed: the figures, not yet words. */
export interface ReportData {
  tenant: string;
  language: Language;
  periodLabel: string;
  from: string;
  to: string;
  effortName: string;
  comparisonName: string;
  statuses: GoalStatusView[];
  indicators: IndicatorRowView[];
  progression: { from: string; to: string; tables: TransitionTableView[] };
  openCounselling: OpenCounsellingStatisticsView;
  generatedAt: Date;
  rebuildInProgress: boolean;
}

const TEXT = {
  da: {
    title: 'Målopfyldelse',
    generated: 'Udskrevet',
    effort: 'Indsatsen',
    comparison: 'Sammenligningsgruppe',
    goals: 'Målstatus',
    goalsIntro: 'Hvert mål med status og grundlaget for tallet: tæller, nævner, populationens størrelse og definitionens version.',
    goal: 'Mål',
    period: 'Periode',
    status: 'Status',
    realised: 'Realiseret',
    target: 'Måltal',
    numerator: 'Tæller',
    denominator: 'Nævner',
    population: 'Population',
    definition: 'Definition',
    version: 'version',
    recorded: 'gemt',
    areasReached: 'Områder',
    assessedBy: 'Vurderet af',
    comparisonColumn: 'Sammenligning',
    indicators: 'Indikatortabel',
    indicator: 'Indikator',
    progression: 'Progression',
    progressionIntro: 'Borgere i forløb på første dato efter gruppe (god A-D, dårlig E-G), og hvor de er på anden dato.',
    startGroup: 'Startgruppe',
    citizens: 'Borgere',
    good: 'God (A-D)',
    poor: 'Dårlig (E-G)',
    jobOrEducation: 'Job/uddannelse',
    other: 'Andet',
    notAssessedAtStart: 'uden vurdering på første dato',
    openCounselling: 'Åben Rådgivning',
    area: 'Område',
    sessions: 'Åbninger',
    openingDays: 'Åbningsdage',
    visits: 'Besøg',
    perOpeningDay: 'Besøg pr. åbningsdag',
    summoned: 'Indkaldte',
    walkInWithCase: 'Uden indkaldelse, med sag',
    withoutCase: 'Uden sag',
    all: 'I alt',
    none: 'Ingen',
    atLeast: 'mindst',
    atMost: 'højst',
    rebuild: 'Læsemodellerne genopbygges: tallene kan være ufuldstændige.',
  },
  en: {
    title: 'Goal attainment',
    generated: 'Printed',
    effort: 'The effort',
    comparison: 'Comparison group',
    goals: 'Goal statuses',
    goalsIntro: 'Each goal with its status and the evidence behind the figure: numerator, denominator, the population’s size and the definition’s version.',
    goal: 'Goal',
    period: 'Period',
    status: 'Status',
    realised: 'Realised',
    target: 'Target',
    numerator: 'Numerator',
    denominator: 'Denominator',
    population: 'Population',
    definition: 'Definition',
    version: 'version',
    recorded: 'saved',
    areasReached: 'Areas',
    assessedBy: 'Assessed by',
    comparisonColumn: 'Comparison',
    indicators: 'Indicator table',
    indicator: 'Indicator',
    progression: 'Progression',
    progressionIntro: 'Citizens in case on the first date by group (good A-D, poor E-G), and where they are on the second.',
    startGroup: 'Starting group',
    citizens: 'Citizens',
    good: 'Good (A-D)',
    poor: 'Poor (E-G)',
    jobOrEducation: 'Job/education',
    other: 'Other',
    notAssessedAtStart: 'without an assessment on the first date',
    openCounselling: 'Open counselling',
    area: 'Area',
    sessions: 'Sessions',
    openingDays: 'Opening days',
    visits: 'Visits',
    perOpeningDay: 'Visits per opening day',
    summoned: 'Summoned',
    walkInWithCase: 'Walk-in with a case',
    withoutCase: 'Without a case',
    all: 'All',
    none: 'None',
    atLeast: 'at least',
    atMost: 'at most',
    rebuild: 'The read models are being rebuilt: the figures may be incomplete.',
  },
} as const;

/** The shape of each status besides its colour, so the marker says it in black and white too. */
const MARKERS: Record<string, string> = { met: '●', 'partly-met': '◐', 'not-met': '○', 'not-assessed': '–' };


const locale = (language: Language) => (language === 'da' ? 'da-DK' : 'en-GB');

/** A count as the reports write it: 1.584 in Danish, 1,584 in English. */
export const countText = (value: number | null, language: Language): string => (value === null ? '' : value.toLocaleString(locale(language), { maximumFractionDigits: 0 }));

/** A share with two decimals: 94,85 %. */
export const percentText = (value: number | null, language: Language, decimals = 2): string =>
  value === null ? '' : `${(value * 100).toLocaleString(locale(language), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} %`;

/** A goal's figure by its kind: a percentage for shares, a count otherwise. */
export function figureText(value: number | null, kind: string, language: Language): string {
  if (value === null) return '';
  if (PERCENT_KINDS.has(kind)) return percentText(value, language);
  return Number.isInteger(value) ? countText(value, language) : value.toLocaleString(locale(language), { maximumFractionDigits: 2 });
}

const dateText = (date: string, language: Language) => {
  const [year, month, day] = date.split('-').map(Number);
  return language === 'da' ? `${day}.${month}.${year}` : date;
};

const status = (code: string, label: string) => ({ code, label, marker: MARKERS[code] ?? '–' });

/** The report as the template shows it: every value a string in the report's language (the template escapes them). */
export function reportView(data: ReportData) {
  const { language } = data;
  const t = TEXT[language];
  const direction = (value: string) => (value === 'at-most' ? t.atMost : t.atLeast);
  return {
    lang: language,
    t,
    title: `${t.title}: ${data.tenant}, ${data.periodLabel}`,
    tenant: data.tenant,
    periodLabel: data.periodLabel,
    dates: `${dateText(data.from, language)} – ${dateText(data.to, language)}`,
    generated: data.generatedAt.toISOString().slice(0, 16).replace('T', ' '),
    rebuildInProgress: data.rebuildInProgress,
    effortName: data.effortName,
    comparisonName: data.comparisonName,
    goals: data.statuses.map((goal) => ({
      id: goal.goalId,
      name: goal.name,
      period: goal.period.label,
      status: status(goal.status, goal.statusLabel),
      realised: figureText(goal.realised, goal.kind, language),
      target: goal.kind === 'milestone' || goal.kind === 'manual' ? '' : `${direction(goal.direction)} ${figureText(goal.target, goal.kind, language)}`,
      numerator: countText(goal.numerator, language),
      denominator: countText(goal.denominator, language),
      population: countText(goal.populationSize, language),
      definition: `${KIND_LABELS[language][goal.kind] ?? goal.kind}, ${t.version} ${goal.definitionVersion} (${t.recorded} ${goal.definitionRecordedAt.slice(0, 10)})`,
      areas: goal.areas?.map((area) => `${area.areaCode}: ${area.reached ? dateText(area.reachedOn!, language) : '–'}`).join(', ') ?? '',
      assessment: goal.assessment ? `${goal.assessment.comment} (${t.assessedBy} ${goal.assessment.assessedBy}, ${goal.assessment.assessedAt.slice(0, 10)})` : '',
    })),
    indicators: data.indicators.map((row) => ({
      name: row.indicator,
      period: row.period,
      target: row.kind === 'milestone' || row.kind === 'manual' ? '' : `${direction(row.direction)} ${figureText(row.target, row.kind, language)}`,
      realised: figureText(row.realised, row.kind, language),
      status: status(row.status, row.statusLabel),
      comparison: figureText(row.comparison, row.kind, language),
    })),
    progression: {
      dates: `${dateText(data.progression.from, language)} → ${dateText(data.progression.to, language)}`,
      tables: data.progression.tables.map((table) => ({
        name: table.name,
        notAssessedAtStart: countText(table.notAssessedAtStart, language),
        rows: table.rows.map((row) => ({
          start: row.startLabel,
          citizens: countText(row.citizens, language),
          outcomes: [
            [row.good, row.shares.good],
            [row.poor, row.shares.poor],
            [row.jobOrEducation, row.shares.jobOrEducation],
            [row.other, row.shares.other],
          ].map(([count, share]) => ({ count: countText(count, language), share: percentText(share, language, 1) })),
        })),
      })),
    },
    desks: data.openCounselling.desks.map((desk) => ({
      name: `${desk.areaCode} (${desk.deskId!.slice(0, 8)})`,
      sessions: countText(desk.sessions, language),
      openingDays: countText(desk.openingDays, language),
      visits: countText(desk.visits, language),
      perOpeningDay: desk.perOpeningDay ? desk.perOpeningDay.visits.toLocaleString(locale(language), { maximumFractionDigits: 1 }) : '',
      split: [desk.summoned, desk.walkInWithCase, desk.withoutCase].map((count) => countText(count, language)),
    })),
    desksTotal: {
      visits: countText(data.openCounselling.total.visits, language),
      openingDays: countText(data.openCounselling.total.openingDays, language),
      sessions: countText(data.openCounselling.total.sessions, language),
      perOpeningDay: data.openCounselling.total.perOpeningDay ? data.openCounselling.total.perOpeningDay.visits.toLocaleString(locale(language), { maximumFractionDigits: 1 }) : '',
      split: [data.openCounselling.total.summoned, data.openCounselling.total.walkInWithCase, data.openCounselling.total.withoutCase].map((count) => countText(count, language)),
    },
  };
}

export type ReportView = ReturnType<typeof reportView>;
