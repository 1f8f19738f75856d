import { randomUUID } from 'node:crypto';
import { DeskSessionClosed, DeskSessionOpened, VisitCompleted } from '@fremskudt/contracts';
import { CitizenStory, csvRecords, fieldsOf, KBH, PlayedEvent, reportingTestbed, SLAGELSE } from './support/reporting-testbed';

const YEAR_2015 = { type: 'year', year: 2015 };
const name = (da: string) => ({ da, en: `${da} (en)` });
const AREAS = ['tingbjerg', 'urbanplanen'];

const GOALS = [
  { id: 'jobplaner', kind: 'share', scope: { areas: AREAS }, target: { value: 0.6 }, definition: { population: {}, numerator: { currentJobPlan: true } } },
  { id: 'tilbud', kind: 'count', scope: {}, target: { value: 2 }, definition: { events: { fact: 'offer-started' } } },
  { id: 'raadgivning', kind: 'milestone', scope: { areas: AREAS }, definition: { events: { fact: 'desk-session-opened' }, deadline: '2015-06-30' } },
  { id: 'sygedagpenge', kind: 'manual', scope: {}, definition: {} },
].map((goal) => ({ name: name(goal.id), period: YEAR_2015, ...goal }));

/** A desk's session on a day, closed with the desk's counts (or still open). */
function session(deskId: string, areaCode: string, date: string, counts: { visits: number; summoned: number; walkInWithCase: number; withoutCase: number } | null): PlayedEvent[] {
  const sessionId = randomUUID();
  const base = { deskId, sessionId, areaCode, date };
  const events: PlayedEvent[] = [
    { contract: DeskSessionOpened, id: randomUUID(), payload: { ...base, openedAt: `${date}T08:00:00Z`, plannedCloseAt: `${date}T11:00:00Z`, staffIds: [randomUUID()], extra: false } },
  ];
  if (counts) events.push({ contract: DeskSessionClosed, id: randomUUID(), payload: { ...base, closedAt: `${date}T11:00:00Z`, ...counts } });
  return events;
}

const talk = (deskId: string, areaCode: string, date: string): PlayedEvent => ({
  contract: VisitCompleted,
  id: randomUUID(),
  payload: {
    visitId: randomUUID(),
    deskId,
    areaCode,
    visitorKind: 'anonymous',
    citizenId: null,
    arrival: 'walk-in',
    staffId: randomUUID(),
    checkedInAt: `${date}T08:10:00Z`,
    talkStartedAt: `${date}T08:20:00Z`,
    endedAt: `${date}T08:40:00Z`,
    waitedSeconds: 600,
    topics: [],
    actions: ['advice'],
  },
});

describe('reporting: per-area and per-team breakdowns, and open counselling per desk (real PostgreSQL and Kafka)', () => {
  const testbed = reportingTestbed('breakdowns');
  const { api } = testbed;
  const tingbjergDesk = randomUUID();
  const urbanplanenDesk = randomUUID();

  // Tingbjerg: a (team nord, plan, offer), b (team nord). Urbanplanen: c (team syd, plan, two offers), d (team syd, plan), e (team nord).
  const stories = [
    new CitizenStory('tingbjerg', '2015-01-05').assigned('team-nord', '2015-01-05').jobPlan('2015-02-01').offer('course', '2015-03-01'),
    new CitizenStory('tingbjerg', '2015-01-05').assigned('team-nord', '2015-01-05'),
    new CitizenStory('urbanplanen', '2015-01-05').assigned('team-syd', '2015-01-05').jobPlan('2015-02-01').offer('course', '2015-03-01').offer('mentor', '2015-04-01'),
    new CitizenStory('urbanplanen', '2015-01-05').assigned('team-syd', '2015-01-05').jobPlan('2015-02-01'),
    new CitizenStory('urbanplanen', '2015-01-05').assigned('team-nord', '2015-01-05'),
  ];
  // March 2015: Tingbjerg's desk open two days (28 visits: 14 a day, 5 summoned, 8 walk-in with a case, 1 without);
  // Urbanplanen's twice on one day and once, still open, on another; an April session outside the period.
  const deskEvents = [
    ...session(tingbjergDesk, 'tingbjerg', '2015-03-03', { visits: 10, summoned: 4, walkInWithCase: 5, withoutCase: 1 }),
    ...session(tingbjergDesk, 'tingbjerg', '2015-03-05', { visits: 18, summoned: 6, walkInWithCase: 11, withoutCase: 1 }),
    ...session(urbanplanenDesk, 'urbanplanen', '2015-03-04', { visits: 7, summoned: 2, walkInWithCase: 4, withoutCase: 1 }),
    ...session(urbanplanenDesk, 'urbanplanen', '2015-03-04', { visits: 5, summoned: 1, walkInWithCase: 3, withoutCase: 1 }),
    ...session(urbanplanenDesk, 'urbanplanen', '2015-03-31', null),
    ...session(tingbjergDesk, 'tingbjerg', '2015-04-01', { visits: 9, summoned: 9, walkInWithCase: 0, withoutCase: 0 }),
    talk(tingbjergDesk, 'tingbjerg', '2015-03-03'),
    talk(tingbjergDesk, 'tingbjerg', '2015-03-03'),
    talk(urbanplanenDesk, 'urbanplanen', '2015-03-04'),
    talk(tingbjergDesk, 'tingbjerg', '2015-04-01'),
  ];

  beforeAll(async () => {
    await api().post('/goals/import', { goals: GOALS }).expect(200);
    const events = [...stories.flatMap((story) => story.events), ...deskEvents];
    await testbed.playEvents(KBH, events);
    await testbed.processed(events);
  });

  const cells = (breakdown: Array<Record<string, unknown>>) => breakdown.map(({ key, status, numerator, denominator }) => ({ key, status, numerator, denominator }));
  const statuses = async (query: string) => {
    const body = (await api().get(`/goal-statuses?${query}`).expect(200)).body;
    return Object.fromEntries(body.statuses.map((status: { goalId: string }) => [status.goalId, status]));
  };

  it('breaks each goal down by area: the scope’s own areas, or every area the tenant knows', async () => {
    const byArea = await statuses('by=area');
    // Whole scope 3 of 5 with a plan against 60 %: met; Tingbjerg 1 of 2 (50 %, over 0.75 × 60 %): partly met; Urbanplanen 2 of 3: met.
    expect(byArea.jobplaner).toMatchObject({ status: 'met', numerator: 3, denominator: 5, breakdownProblem: null });
    expect(cells(byArea.jobplaner.breakdown)).toEqual([
      { key: 'tingbjerg', status: 'partly-met', numerator: 1, denominator: 2 },
      { key: 'urbanplanen', status: 'met', numerator: 2, denominator: 3 },
    ]);
    expect(byArea.jobplaner.breakdown[0]).toMatchObject({ scope: { areas: ['tingbjerg'] }, target: 0.6, statusLabel: 'Delvist opfyldt', populationSize: 2 });
    // A goal for the whole tenant: every known area. Three offers: one in Tingbjerg (not met against 2), two in Urbanplanen.
    expect(cells(byArea.tilbud.breakdown)).toEqual([
      { key: 'tingbjerg', status: 'not-met', numerator: 1, denominator: null },
      { key: 'urbanplanen', status: 'met', numerator: 2, denominator: null },
    ]);
    // The milestone holds per area: the desks opened in both areas before July.
    expect(cells(byArea.raadgivning.breakdown)).toEqual([
      { key: 'tingbjerg', status: 'met', numerator: 1, denominator: 1 },
      { key: 'urbanplanen', status: 'met', numerator: 1, denominator: 1 },
    ]);
    expect(byArea.sygedagpenge).toMatchObject({ breakdown: [], breakdownProblem: 'et manuelt mål vurderes for hele scopet' });
    // Without `by` there is no breakdown.
    expect((await statuses('')).jobplaner.breakdown).toBeUndefined();
  });

  it('breaks goals down by team, and says why a desk’s facts cannot be', async () => {
    const byTeam = await statuses('by=team');
    // Team nord holds a, b and e: 1 of 3 with a plan (not met); team syd c and d: 2 of 2.
    expect(cells(byTeam.jobplaner.breakdown)).toEqual([
      { key: 'team-nord', status: 'not-met', numerator: 1, denominator: 3 },
      { key: 'team-syd', status: 'met', numerator: 2, denominator: 2 },
    ]);
    expect(cells(byTeam.tilbud.breakdown)).toEqual([
      { key: 'team-nord', status: 'not-met', numerator: 1, denominator: null },
      { key: 'team-syd', status: 'met', numerator: 2, denominator: null },
    ]);
    expect(byTeam.raadgivning).toMatchObject({ breakdown: [], breakdownProblem: 'desk-session-opened hører ikke til et team' });
    const english = (await api().get('/goal-statuses?by=team').set('accept-language', 'en').expect(200)).body.statuses;
    expect(english.find((s: { goalId: string }) => s.goalId === 'raadgivning').breakdownProblem).toBe('desk-session-opened belong to no team');
  });

  it('gives the indicator table by area, also as CSV', async () => {
    const table = (await api().get('/indicator-table?by=area').expect(200)).body;
    expect(cells(table.rows.find((row: { goalId: string }) => row.goalId === 'jobplaner').breakdown)).toEqual([
      { key: 'tingbjerg', status: 'partly-met', numerator: 1, denominator: 2 },
      { key: 'urbanplanen', status: 'met', numerator: 2, denominator: 3 },
    ]);
    const csv = (await api().get('/indicator-table?by=area&format=csv').expect(200)).text.replace('\uFEFF', '').split('\r\n');
    expect(csv[0]).toBe('Indikator;Område;Periode;Mål;Realiseret;Tæller;Nævner;Population;Status;Sammenligning;Definitionsversion');
    expect(csv).toContain('jobplaner;I alt;2015;60,00 %;60,00 %;3;5;5;Opfyldt;60,00 %;1');
    expect(csv).toContain('jobplaner;tingbjerg;2015;60,00 %;50,00 %;1;2;2;Delvist opfyldt;;1');
    expect(csv).toContain('jobplaner;urbanplanen;2015;60,00 %;66,67 %;2;3;3;Opfyldt;;1');
    expect(fieldsOf((await api().get('/goal-statuses?by=consultant').expect(400)).body)).toEqual(['by']);
  });

  it('gives the goal statuses by team as CSV: each goal’s whole scope, then each team with its own figures and population', async () => {
    const response = await api().get('/goal-statuses?by=team&format=csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const { columns, records: rows } = csvRecords(response.text);
    expect(columns.slice(0, 6)).toEqual(['Mål-id', 'Navn', 'Type', 'Scope', 'Team', 'Periode']);
    const pick = (row: Record<string, string>) => [row['Mål-id'], row.Scope, row.Team, row.Status, row['Tæller'], row['Nævner'], row.Population];
    expect(rows.filter((row) => row['Mål-id'] === 'jobplaner').map(pick)).toEqual([
      ['jobplaner', 'områder: tingbjerg, urbanplanen', 'I alt', 'Opfyldt', '3', '5', '5'],
      ['jobplaner', 'områder: tingbjerg, urbanplanen; teams: team-nord', 'team-nord', 'Ikke opfyldt', '1', '3', '3'],
      ['jobplaner', 'områder: tingbjerg, urbanplanen; teams: team-syd', 'team-syd', 'Opfyldt', '2', '2', '2'],
    ]);
    // A count's population is everyone in case in the cell: team nord a, b, e; team syd c, d.
    expect(rows.filter((row) => row['Mål-id'] === 'tilbud').map(pick)).toEqual([
      ['tilbud', 'Hele kommunen', 'I alt', 'Opfyldt', '3', '', '5'],
      ['tilbud', 'teams: team-nord', 'team-nord', 'Ikke opfyldt', '1', '', '3'],
      ['tilbud', 'teams: team-syd', 'team-syd', 'Opfyldt', '2', '', '2'],
    ]);
    // A goal that cannot be broken down by team has its whole line only.
    expect(rows.filter((row) => row['Mål-id'] === 'raadgivning').map((row) => row.Team)).toEqual(['I alt']);
  });

  it('counts open counselling per desk: sessions, opening days, visits with their split, and per opening day', async () => {
    const stats = (await api().get('/statistics/open-counselling?from=2015-03-01&to=2015-03-31').expect(200)).body;
    expect(stats).toMatchObject({ tenant: KBH, from: '2015-03-01', to: '2015-03-31' });
    const tingbjerg = stats.desks.find((desk: { deskId: string }) => desk.deskId === tingbjergDesk);
    expect(tingbjerg).toEqual({
      deskId: tingbjergDesk,
      areaCode: 'tingbjerg',
      sessions: 2,
      openingDays: 2,
      openSessions: 0,
      visits: 28,
      summoned: 10,
      walkInWithCase: 16,
      withoutCase: 2,
      completedVisits: 2,
      perOpeningDay: { visits: 14, summoned: 5, walkInWithCase: 8, withoutCase: 1 },
    });
    expect(stats.desks.find((desk: { deskId: string }) => desk.deskId === urbanplanenDesk)).toMatchObject({
      sessions: 3,
      openingDays: 2,
      openSessions: 1,
      visits: 12,
      completedVisits: 1,
      perOpeningDay: { visits: 6, summoned: 1.5, walkInWithCase: 3.5, withoutCase: 1 },
    });
    expect(stats.total).toMatchObject({ sessions: 5, openingDays: 4, visits: 40, completedVisits: 3, perOpeningDay: { visits: 10 } });
    expect(stats.total.deskId).toBeUndefined();

    const area = (await api().get('/statistics/open-counselling?from=2015-03-01&to=2015-03-31&areaCode=urbanplanen').expect(200)).body;
    expect(area.desks.map((desk: { areaCode: string }) => desk.areaCode)).toEqual(['urbanplanen']);
    expect(area.total).toMatchObject({ visits: 12, completedVisits: 1 });

    const csv = (await api().get('/statistics/open-counselling?from=2015-03-01&to=2015-03-31&format=csv').expect(200)).text.replace('\uFEFF', '').split('\r\n');
    expect(csv).toContain(`tingbjerg;${tingbjergDesk};2;2;28;10;16;2;2;14,0;5,0;8,0;1,0`);
    expect(csv).toContain('I alt;;5;4;40;13;23;4;3;10,0;3,3;5,8;1,0');

    expect(fieldsOf((await api().get('/statistics/open-counselling?from=2015-03-31&to=2015-03-01').expect(400)).body)).toEqual(['to']);
    expect(fieldsOf((await api().get('/statistics/open-counselling?to=2015-03-01').expect(400)).body)).toEqual(['from']);
    expect((await api(SLAGELSE).get('/statistics/open-counselling?from=2015-03-01&to=2015-03-31').expect(200)).body).toMatchObject({ desks: [], total: { visits: 0, perOpeningDay: null } });
  });
});
