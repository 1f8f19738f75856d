import { KBH, PlayedEvent, reportingTestbed, SLAGELSE, fieldsOf } from './support/reporting-testbed';
import { GOOD, plannedCitizens, POOR, ProgressionStory, Transitions, TRANSITIONS_2014 } from './support/progression-2014';

/** Udvalgte Boligområder: six areas, three teams of two areas each. */
const OUTREACH_AREAS = ['tingbjerg', 'urbanplanen', 'hothers-plads', 'aldersrogade', 'lundtoftegade', 'akacieparken'];
const teamOf = (area: string) => `fremskudt-${Math.floor(OUTREACH_AREAS.indexOf(area) / 2) + 1}`;
const OUTREACH_TEAMS = ['fremskudt-1', 'fremskudt-2', 'fremskudt-3'];
/** The ordinary job centre: citizens elsewhere in the city, held by its own team. */
const ORDINARY_AREAS = ['bispebjerg', 'noerrebro', 'valby', 'amager-oest', 'vesterbro'];
const ORDINARY_TEAM = 'jobcenter';

const REGISTERED = '2013-09-02';
const JANUARY = '2014-01-15';
const DECEMBER = '2014-12-10';
const FROM = '2014-01-31';
const TO = '2014-12-31';

/**
 * One scope's citizens behind the brief's 2014 table, plus citizens who must not count: in case
 * but never assessed (in case at the start, in no starting group), registered after the first
 * date, or gone before it. Three of the counted ones take a detour that must not change where
 * they are counted: one leaves for a job and comes back (in case in December: by the December
 * assessment), one moves out of the outreach areas (followed from January), one is assessed
 * twice on the same January day (the poorer group counts).
 */
function scopeStories(transitions: Transitions, areas: string[], team: (area: string) => string, withDetours: boolean) {
  const counted = plannedCitizens(transitions).map((plan) => {
    const area = areas[plan.index % areas.length];
    const story = new ProgressionStory(area, REGISTERED).assigned(team(area), REGISTERED).assessed(JANUARY, plan.startGroup);
    const first = (start: string, outcome: string) => withDetours && plan.index === plannedCitizens(transitions).findIndex((p) => p.start === start && p.outcome === outcome);
    if (first('poor', 'good')) story.assessed(JANUARY, 'B');
    if (first('good', 'good')) story.moved('valby', '2014-06-02');
    if (first('good', 'poor')) story.exited('job', '2014-03-03').reentered('2014-06-02');
    if (plan.endGroup) story.assessed(DECEMBER, plan.endGroup);
    else story.exited(plan.exitReason!, plan.exitDate!);
    return { plan, story };
  });
  const unassessed = Array.from({ length: withDetours ? 3 : 4 }, (_, i) => new ProgressionStory(areas[i], REGISTERED).assigned(team(areas[i]), REGISTERED));
  const later = Array.from({ length: 2 }, (_, i) => new ProgressionStory(areas[i], '2014-02-03').assigned(team(areas[i]), '2014-02-03').assessed('2014-02-10', 'A'));
  const gone = Array.from({ length: 2 }, (_, i) => new ProgressionStory(areas[i], REGISTERED).assigned(team(areas[i]), REGISTERED).assessed('2014-01-10', 'A').exited('job', '2014-01-20'));
  return { counted, unassessed, later, gone, events: [...counted.map((c) => c.story), ...unassessed, ...later, ...gone].flatMap((story) => story.events) };
}

describe('reporting: progression A-G, the 2014 transition tables of both scopes (events played onto the topics)', () => {
  const testbed = reportingTestbed('progression');
  const { api } = testbed;
  const outreach = scopeStories(TRANSITIONS_2014.outreach, OUTREACH_AREAS, teamOf, true);
  const ordinary = scopeStories(TRANSITIONS_2014.ordinary, ORDINARY_AREAS, () => ORDINARY_TEAM, false);

  beforeAll(async () => {
    const events: PlayedEvent[] = [...outreach.events, ...ordinary.events];
    for (let i = 0; i < events.length; i += 2000) await testbed.playEvents(KBH, events.slice(i, i + 2000));
    await testbed.caughtUp(240_000);
    await api()
      .put('/settings/scopes', {
        effort: { name: { da: 'Fremskudt indsats', en: 'Outreach effort' }, scope: { areas: OUTREACH_AREAS } },
        comparison: { name: { da: 'Ordinært jobcenter', en: 'Ordinary job centre' }, scope: { teams: [ORDINARY_TEAM] } },
      })
      .expect(200);
  }, 300_000);

  const transitions = async (query = '') => (await api().get(`/progression/transitions?from=${FROM}&to=${TO}${query}`).expect(200)).body;
  const figures = (row: { citizens: number; good: number; poor: number; jobOrEducation: number; other: number }) => ({
    citizens: row.citizens,
    good: row.good,
    poor: row.poor,
    jobOrEducation: row.jobOrEducation,
    other: row.other,
  });
  const expected = (transitions: Transitions, start: 'good' | 'poor') => {
    const row = transitions[start];
    return { citizens: row.good + row.poor + row.jobOrEducation + row.other, ...row };
  };

  it('gives the brief’s transition tables Jan→Dec 2014 for the outreach effort and the ordinary job centre, both starting groups', async () => {
    const view = await transitions();
    expect(view).toMatchObject({ tenant: KBH, from: FROM, to: TO, outcomes: ['good', 'poor', 'job-or-education', 'other'] });
    const [effort, comparison] = view.tables;
    expect(effort).toMatchObject({ role: 'effort', name: 'Fremskudt indsats', scope: { areas: OUTREACH_AREAS }, notAssessedAtStart: 3, inCaseAtStart: 1021 + 3 });
    expect(comparison).toMatchObject({ role: 'comparison', name: 'Ordinært jobcenter', scope: { teams: [ORDINARY_TEAM] }, notAssessedAtStart: 4, inCaseAtStart: 4952 + 4 });

    // Outreach, starting in A-D: 434 → 287 / 51 / 22 / 74; in E-G: 587 → 67 / 416 / 13 / 91.
    expect(figures(effort.rows[0])).toEqual({ citizens: 434, good: 287, poor: 51, jobOrEducation: 22, other: 74 });
    expect(figures(effort.rows[1])).toEqual({ citizens: 587, good: 67, poor: 416, jobOrEducation: 13, other: 91 });
    // Ordinary, starting in A-D: 2,289 → 1,305 / 365 / 132 / 487; in E-G: 2,663 → 359 / 1,839 / 57 / 408.
    expect(figures(comparison.rows[0])).toEqual({ citizens: 2289, good: 1305, poor: 365, jobOrEducation: 132, other: 487 });
    expect(figures(comparison.rows[1])).toEqual({ citizens: 2663, good: 359, poor: 1839, jobOrEducation: 57, other: 408 });
    expect(effort.rows.map((row: { start: string; startLabel: string }) => [row.start, row.startLabel])).toEqual([
      ['good', 'God (A-D)'],
      ['poor', 'Dårlig (E-G)'],
    ]);

    // The brief's percentages: 66.1 %, 11.8 %, 17.1 %; 22 of 434 is 5.07 % (the brief prints 5.0 %); ordinary 57.0 / 15.9 / 5.8 / 21.3 %.
    const percent = (share: number) => Math.round(share * 1000) / 10;
    expect(Object.values(effort.rows[0].shares).map((share) => percent(share as number))).toEqual([66.1, 11.8, 5.1, 17.1]);
    expect(Object.values(comparison.rows[0].shares).map((share) => percent(share as number))).toEqual([57.0, 15.9, 5.8, 21.3]);
  });

  it('takes the scopes from the request instead: teams for the effort, areas for the comparison, with the same cohorts', async () => {
    const view = await transitions(`&teams=${OUTREACH_TEAMS.join(',')}&comparisonAreas=${ORDINARY_AREAS.join(',')}`);
    expect(view.tables.map((table: { name: string }) => table.name)).toEqual([`teams: ${OUTREACH_TEAMS.join(', ')}`, `områder: ${ORDINARY_AREAS.join(', ')}`]);
    expect(view.tables.map((table: { rows: Array<Parameters<typeof figures>[0]> }) => table.rows.map(figures))).toEqual([
      [expected(TRANSITIONS_2014.outreach, 'good'), expected(TRANSITIONS_2014.outreach, 'poor')],
      [expected(TRANSITIONS_2014.ordinary, 'good'), expected(TRANSITIONS_2014.ordinary, 'poor')],
    ]);
    // One area of the effort alone: its share of the citizens (every sixth of the plan).
    const tingbjerg = (await transitions('&areas=tingbjerg')).tables;
    const inTingbjerg = outreach.counted.filter(({ story }) => story.events[0].payload && (story.events[0].payload as { areaCode: string }).areaCode === 'tingbjerg');
    expect(tingbjerg[0].rows[0].citizens + tingbjerg[0].rows[1].citizens).toBe(inTingbjerg.length);
    expect(tingbjerg[0].rows[0].citizens).toBe(inTingbjerg.filter(({ plan }) => plan.start === 'good').length);
  });

  it('breaks both 2014 tables down by the team on the first date: the teams’ cells add up to the brief’s rows', async () => {
    const view = await transitions('&by=team');
    expect(view.by).toBe('team');
    const [effort, comparison] = view.tables;
    expect(effort.breakdown.map((cell: { key: string }) => cell.key)).toEqual(OUTREACH_TEAMS);
    expect(comparison.breakdown.map((cell: { key: string }) => cell.key)).toEqual([ORDINARY_TEAM]);
    for (const table of view.tables) {
      const cells = table.breakdown as Array<{ inCaseAtStart: number; rows: Array<Parameters<typeof figures>[0]> }>;
      expect(cells.reduce((sum, cell) => sum + cell.inCaseAtStart, 0)).toBe(table.inCaseAtStart);
      for (const start of [0, 1]) {
        const summed = cells.map((cell) => figures(cell.rows[start])).reduce((total, row) => ({
          citizens: total.citizens + row.citizens,
          good: total.good + row.good,
          poor: total.poor + row.poor,
          jobOrEducation: total.jobOrEducation + row.jobOrEducation,
          other: total.other + row.other,
        }));
        expect(summed).toEqual(figures(table.rows[start]));
      }
    }
    // Team 1 holds the first two areas: its starters are the plan's citizens living there in January.
    const team1 = outreach.counted.filter(({ story }) => teamOf((story.events[0].payload as { areaCode: string }).areaCode) === 'fremskudt-1');
    expect(effort.breakdown[0].rows.map((row: { citizens: number }) => row.citizens)).toEqual([
      team1.filter(({ plan }) => plan.start === 'good').length,
      team1.filter(({ plan }) => plan.start === 'poor').length,
    ]);
  });

  it('gives the A-G distribution on a date, per scope and per team', async () => {
    const january = (await api().get(`/progression/distribution?on=${FROM}`).expect(200)).body;
    const planned = outreach.counted.map(({ plan }) => plan);
    // The citizen assessed twice on the same day (E, then B) counts in the poorer group, E.
    const startGroups = planned.map((plan) => plan.startGroup);
    expect(january).toMatchObject({ tenant: KBH, on: FROM, scopeName: 'Fremskudt indsats', by: null, breakdown: [] });
    expect(january.total).toMatchObject({ citizens: 1024, assessed: 1021, notAssessed: 3, good: 434, poor: 587 });
    expect(january.total.groups).toEqual(
      [...GOOD, ...POOR].map((group) => ({ group, citizens: startGroups.filter((g) => g === group).length, share: startGroups.filter((g) => g === group).length / 1021 })),
    );

    // December: the mover lives in Valby now (outside the effort's areas); the two who came in February are there, assessed A.
    const december = (await api().get(`/progression/distribution?on=${TO}`).expect(200)).body;
    expect(december.total).toMatchObject({ citizens: 287 - 1 + 51 + 67 + 416 + 3 + 2, notAssessed: 3, good: 287 - 1 + 67 + 2, poor: 51 + 416 });

    const byTeam = (await api().get(`/progression/distribution?on=${FROM}&teams=${OUTREACH_TEAMS.join(',')}&by=team`).expect(200)).body;
    expect(byTeam.breakdown.map((team: { key: string }) => team.key)).toEqual(OUTREACH_TEAMS);
    expect(byTeam.breakdown.reduce((sum: number, team: { good: number }) => sum + team.good, 0)).toBe(434);
    const team1 = outreach.counted.filter(({ story }) => teamOf((story.events[0].payload as { areaCode: string }).areaCode) === 'fremskudt-1');
    expect(byTeam.breakdown[0]).toMatchObject({ key: 'fremskudt-1', assessed: team1.length, good: team1.filter(({ plan }) => plan.start === 'good').length });
  });

  it('exports both tables as CSV, in Danish and in English', async () => {
    const danish = await api().get(`/progression/transitions?from=${FROM}&to=${TO}&format=csv`).expect(200);
    expect(danish.headers['content-type']).toMatch(/^text\/csv/);
    const lines = danish.text.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Gruppe;Startgruppe;Borgere;God (A-D);Dårlig (E-G);Job/uddannelse;Andet;God %;Dårlig %;Job/uddannelse %;Andet %');
    expect(lines).toContain('Fremskudt indsats;God (A-D);434;287;51;22;74;66,13 %;11,75 %;5,07 %;17,05 %');
    expect(lines).toContain('Ordinært jobcenter;Dårlig (E-G);2663;359;1839;57;408;13,48 %;69,06 %;2,14 %;15,32 %');
    const english = await api().get(`/progression/transitions?from=${FROM}&to=${TO}&format=csv`).set('accept-language', 'en').expect(200);
    expect(english.text).toContain('Outreach effort,Good (A-D),434,287,51,22,74,66.13 %,11.75 %,5.07 %,17.05 %');
    const distribution = await api().get(`/progression/distribution?on=${FROM}&format=csv`).expect(200);
    expect(distribution.text.replace('\uFEFF', '').split('\r\n')).toContain('Ikke vurderet;3;');
  });

  it('refuses bad questions with 400 naming the fields, and shows one tenant nothing of another', async () => {
    expect(fieldsOf((await api().get(`/progression/transitions?from=${TO}&to=${FROM}`).expect(400)).body)).toEqual(['to']);
    expect(fieldsOf((await api().get('/progression/transitions?from=2014-02-30&to=2014-12-31').expect(400)).body)).toEqual(['from']);
    expect(fieldsOf((await api().get(`/progression/distribution?on=${FROM}&by=consultant&areas=Tingbjerg`).expect(400)).body)).toEqual(['areas', 'by']);
    expect(fieldsOf((await api().put('/settings/scopes', { effort: { name: { da: 'x' }, scope: { areas: [] } } }).expect(400)).body)).toEqual([
      'comparison',
      'effort.name.en',
      'effort.scope.areas',
    ]);
    const slagelse = (await api(SLAGELSE).get(`/progression/transitions?from=${FROM}&to=${TO}`).expect(200)).body;
    expect(slagelse.tables).toHaveLength(1);
    expect(slagelse.tables[0]).toMatchObject({ name: 'Hele kommunen', inCaseAtStart: 0 });
    expect((await api(SLAGELSE).get('/settings/scopes').expect(200)).body).toEqual({ effort: { name: { da: 'Hele kommunen', en: 'The whole municipality' }, scope: {} }, comparison: null });
  });
});
