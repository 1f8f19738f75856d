import { Role } from '@fremskudt/service-kit';
import { fieldsOf, KBH, reportingTestbed } from './support/reporting-testbed';
import { ProgressionStory } from './support/progression-2014';

const REGISTERED = '2013-09-02';
const JANUARY = '2014-01-15';
const DECEMBER = '2014-12-10';
const FROM = '2014-01-31';
const TO = '2014-12-31';

/**
 * Ten citizens worked out by hand, in two areas and two teams, for the progression tables'
 * breakdowns and audit ids. Each is in case on 31 January (but p9) and placed on 31 December:
 *
 * | citizen | area on 31.1 | team on 31.1 | January | 31 December |
 * | --- | --- | --- | --- | --- |
 * | p1 | tingbjerg | team-nord | A | B: good |
 * | p2 | tingbjerg | team-nord | C | F: poor |
 * | p3 | tingbjerg | team-syd | D | left for a job: job/education |
 * | p4 | urbanplanen | team-syd | E | B: good |
 * | p5 | urbanplanen | team-syd | G | moved away: other |
 * | p6 | urbanplanen | team-nord | F | not assessed again: poor (carried) |
 * | p7 | tingbjerg | team-nord | A | A: good, but moved to Urbanplanen and team-syd in June |
 * | p8 | urbanplanen | none | not assessed | not in a starting group |
 * | p9 | tingbjerg | team-nord | registered in March | not in the cohort |
 * | p10 | urbanplanen | team-syd | E | left for education: job/education |
 */
function stories() {
  const p1 = new ProgressionStory('tingbjerg', REGISTERED).assigned('team-nord', REGISTERED).assessed(JANUARY, 'A').assessed(DECEMBER, 'B');
  const p2 = new ProgressionStory('tingbjerg', REGISTERED).assigned('team-nord', REGISTERED).assessed(JANUARY, 'C').assessed(DECEMBER, 'F');
  const p3 = new ProgressionStory('tingbjerg', REGISTERED).assigned('team-syd', REGISTERED).assessed(JANUARY, 'D').exited('job', '2014-06-01');
  const p4 = new ProgressionStory('urbanplanen', REGISTERED).assigned('team-syd', REGISTERED).assessed(JANUARY, 'E').assessed(DECEMBER, 'B');
  const p5 = new ProgressionStory('urbanplanen', REGISTERED).assigned('team-syd', REGISTERED).assessed(JANUARY, 'G').exited('moved', '2014-05-01');
  const p6 = new ProgressionStory('urbanplanen', REGISTERED).assigned('team-nord', REGISTERED).assessed(JANUARY, 'F');
  const p7 = new ProgressionStory('tingbjerg', REGISTERED).assigned('team-nord', REGISTERED).assessed(JANUARY, 'A').moved('urbanplanen', '2014-06-02').assigned('team-syd', '2014-06-02');
  p7.assessed(DECEMBER, 'A');
  const p8 = new ProgressionStory('urbanplanen', REGISTERED);
  const p9 = new ProgressionStory('tingbjerg', '2014-03-01').assigned('team-nord', '2014-03-01').assessed('2014-03-05', 'A');
  const p10 = new ProgressionStory('urbanplanen', REGISTERED).assigned('team-syd', REGISTERED).assessed(JANUARY, 'E').exited('education', '2014-09-01');
  return { p1, p2, p3, p4, p5, p6, p7, p8, p9, p10 };
}

type Cell = { citizens: number; good: number; poor: number; jobOrEducation: number; other: number };
type Row = Cell & { citizenIds?: Record<'good' | 'poor' | 'jobOrEducation' | 'other', string[]> };
type Figures = { key?: string | null; inCaseAtStart: number; notAssessedAtStart: number; notAssessedAtStartCitizenIds?: string[]; rows: Row[] };
const counts = ({ citizens, good, poor, jobOrEducation, other }: Row): Cell => ({ citizens, good, poor, jobOrEducation, other });
const cell = (citizens: number, good: number, poor: number, jobOrEducation: number, other: number): Cell => ({ citizens, good, poor, jobOrEducation, other });
const figures = (part: Figures) => ({ key: part.key, inCaseAtStart: part.inCaseAtStart, notAssessedAtStart: part.notAssessedAtStart, rows: part.rows.map(counts) });
const csvLines = (text: string) => text.replace('\uFEFF', '').split('\r\n').filter(Boolean);

describe('reporting: progression tables per area and team, with the pseudonymous ids behind each cell (real PostgreSQL and Kafka)', () => {
  const testbed = reportingTestbed('progression-audit');
  const { api } = testbed;
  const citizens = stories();
  const { p1, p2, p3, p4, p5, p6, p7, p8, p10 } = citizens;
  const ids = (...of: ProgressionStory[]) => of.map((story) => story.citizenId).sort();

  beforeAll(async () => {
    const events = Object.values(citizens).flatMap((story) => story.events);
    await testbed.playEvents(KBH, events);
    await testbed.processed(events);
  });

  const transitions = async (query: string) => (await api().get(`/progression/transitions?from=${FROM}&to=${TO}${query}`).expect(200)).body;

  it('gives the transition table of the whole scope, and per area and per team of the first date', async () => {
    const whole = await transitions('');
    expect(whole.by).toBeNull();
    expect(whole.tables).toHaveLength(1);
    expect(figures(whole.tables[0])).toEqual({ key: undefined, inCaseAtStart: 9, notAssessedAtStart: 1, rows: [cell(4, 2, 1, 1, 0), cell(4, 1, 1, 1, 1)] });
    expect(whole.tables[0].breakdown).toEqual([]);

    // By area on 31 January: p7 counts in Tingbjerg, where he was when the cohort was taken, though he lives in Urbanplanen in December.
    const byArea = await transitions('&by=area');
    expect(byArea.by).toBe('area');
    expect(figures(byArea.tables[0])).toEqual(figures(whole.tables[0]));
    expect(byArea.tables[0].breakdown.map(figures)).toEqual([
      { key: 'tingbjerg', inCaseAtStart: 4, notAssessedAtStart: 0, rows: [cell(4, 2, 1, 1, 0), cell(0, 0, 0, 0, 0)] },
      { key: 'urbanplanen', inCaseAtStart: 5, notAssessedAtStart: 1, rows: [cell(0, 0, 0, 0, 0), cell(4, 1, 1, 1, 1)] },
    ]);

    // By team on 31 January: p7 in team-nord (transferred to team-syd in June); p8 has no team and is a cell of its own.
    const byTeam = await transitions('&by=team');
    expect(byTeam.tables[0].breakdown.map(figures)).toEqual([
      { key: 'team-nord', inCaseAtStart: 4, notAssessedAtStart: 0, rows: [cell(3, 2, 1, 0, 0), cell(1, 0, 1, 0, 0)] },
      { key: 'team-syd', inCaseAtStart: 4, notAssessedAtStart: 0, rows: [cell(1, 0, 0, 1, 0), cell(3, 1, 0, 1, 1)] },
      { key: null, inCaseAtStart: 1, notAssessedAtStart: 1, rows: [cell(0, 0, 0, 0, 0), cell(0, 0, 0, 0, 0)] },
    ]);
    // The cells add up to the whole.
    for (const view of [byArea, byTeam]) {
      const sum = view.tables[0].breakdown.reduce((total: number, part: Figures) => total + part.inCaseAtStart, 0);
      expect(sum).toBe(whole.tables[0].inCaseAtStart);
    }

    // The comparison table is broken down the same way: Urbanplanen's areas on 31 January are Urbanplanen alone.
    const compared = await transitions('&areas=tingbjerg&comparisonAreas=urbanplanen&by=area');
    expect(compared.tables.map((table: { role: string; breakdown: Figures[] }) => [table.role, table.breakdown.map((part) => part.key)])).toEqual([
      ['effort', ['tingbjerg']],
      ['comparison', ['urbanplanen']],
    ]);
    expect(figures(compared.tables[1].breakdown[0])).toEqual(figures(byArea.tables[0].breakdown[1]));
  });

  it('lists the pseudonymous ids behind each cell of the transition table on request, for the whole and each part', async () => {
    expect((await transitions('')).tables[0].rows[0].citizenIds).toBeUndefined();
    const view = await transitions('&by=area&citizens=true');
    const [table] = view.tables;
    expect(table.rows.map((row: Row) => row.citizenIds)).toEqual([
      { good: ids(p1, p7), poor: ids(p2), jobOrEducation: ids(p3), other: [] },
      { good: ids(p4), poor: ids(p6), jobOrEducation: ids(p10), other: ids(p5) },
    ]);
    expect(table.notAssessedAtStartCitizenIds).toEqual(ids(p8));
    const [tingbjerg, urbanplanen] = table.breakdown;
    expect(tingbjerg.rows[0].citizenIds).toEqual({ good: ids(p1, p7), poor: ids(p2), jobOrEducation: ids(p3), other: [] });
    expect(tingbjerg.notAssessedAtStartCitizenIds).toEqual([]);
    expect(urbanplanen.rows[1].citizenIds).toEqual({ good: ids(p4), poor: ids(p6), jobOrEducation: ids(p10), other: ids(p5) });
    expect(urbanplanen.notAssessedAtStartCitizenIds).toEqual(ids(p8));
    // Every id behind a cell is counted in it.
    for (const row of table.rows as Row[]) {
      for (const outcome of ['good', 'poor', 'jobOrEducation', 'other'] as const) expect(row.citizenIds![outcome]).toHaveLength(row[outcome]);
    }
  });

  it('gives the A-G distribution per area and team with the ids behind each group, and citizens without a team in a cell of their own', async () => {
    const view = (await api().get(`/progression/distribution?on=${FROM}&by=team&citizens=true`).expect(200)).body;
    const groupIds = (part: { groups: Array<{ group: string; citizenIds: string[] }> }) => Object.fromEntries(part.groups.map((group) => [group.group, group.citizenIds]));
    expect(view.total).toMatchObject({ citizens: 9, assessed: 8, notAssessed: 1, good: 4, poor: 4, notAssessedCitizenIds: ids(p8) });
    expect(groupIds(view.total)).toEqual({ A: ids(p1, p7), B: [], C: ids(p2), D: ids(p3), E: ids(p4, p10), F: ids(p6), G: ids(p5) });
    expect(view.breakdown.map((part: { key: string | null; citizens: number; notAssessed: number }) => [part.key, part.citizens, part.notAssessed])).toEqual([
      ['team-nord', 4, 0],
      ['team-syd', 4, 0],
      [null, 1, 1],
    ]);
    expect(groupIds(view.breakdown[0])).toEqual({ A: ids(p1, p7), B: [], C: ids(p2), D: [], E: [], F: ids(p6), G: [] });
    expect(view.breakdown[2].notAssessedCitizenIds).toEqual(ids(p8));
    const plain = (await api().get(`/progression/distribution?on=${FROM}`).expect(200)).body;
    expect(plain.total.groups[0].citizenIds).toBeUndefined();
    expect(plain.total.notAssessedCitizenIds).toBeUndefined();
  });

  it('exports the breakdowns and the ids as CSV', async () => {
    const byArea = await api().get(`/progression/transitions?from=${FROM}&to=${TO}&by=area&format=csv`).expect(200);
    expect(byArea.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csvLines(byArea.text);
    expect(lines[0]).toBe('Gruppe;Område;Startgruppe;Borgere;God (A-D);Dårlig (E-G);Job/uddannelse;Andet;God %;Dårlig %;Job/uddannelse %;Andet %');
    expect(lines.slice(1)).toEqual([
      'Hele kommunen;I alt;God (A-D);4;2;1;1;0;50,00 %;25,00 %;25,00 %;0,00 %',
      'Hele kommunen;I alt;Dårlig (E-G);4;1;1;1;1;25,00 %;25,00 %;25,00 %;25,00 %',
      'Hele kommunen;I alt;Uden vurdering på første dato;1;;;;;;;;',
      'Hele kommunen;tingbjerg;God (A-D);4;2;1;1;0;50,00 %;25,00 %;25,00 %;0,00 %',
      'Hele kommunen;tingbjerg;Dårlig (E-G);0;0;0;0;0;;;;',
      'Hele kommunen;tingbjerg;Uden vurdering på første dato;0;;;;;;;;',
      'Hele kommunen;urbanplanen;God (A-D);0;0;0;0;0;;;;',
      'Hele kommunen;urbanplanen;Dårlig (E-G);4;1;1;1;1;25,00 %;25,00 %;25,00 %;25,00 %',
      'Hele kommunen;urbanplanen;Uden vurdering på første dato;1;;;;;;;;',
    ]);

    // The ids: each citizen of the cohort once, in the cell of their team on the first date.
    const audit = await api().get(`/progression/transitions?from=${FROM}&to=${TO}&by=team&citizens=true&format=csv`).set('accept-language', 'en').expect(200);
    expect(audit.headers['content-disposition']).toBe(`attachment; filename="progression-${KBH}-${FROM}-${TO}-borgere.csv"`);
    const auditLines = csvLines(audit.text);
    expect(auditLines[0]).toBe('Group,Team,Starting group,Outcome,Pseudonymous citizen id');
    expect(auditLines).toHaveLength(1 + 9);
    expect(auditLines).toContain(`The whole municipality,team-nord,Good (A-D),Good (A-D),${p7.citizenId}`);
    expect(auditLines).toContain(`The whole municipality,team-syd,Poor (E-G),Other,${p5.citizenId}`);
    expect(auditLines).toContain(`The whole municipality,No team,Not assessed on the first date,,${p8.citizenId}`);

    const distribution = csvLines((await api().get(`/progression/distribution?on=${FROM}&by=area&citizens=true&format=csv`).expect(200)).text);
    expect(distribution[0]).toBe('Område;Gruppe;Pseudonymt borger-id');
    expect(distribution.slice(1).sort()).toEqual(
      [
        ...ids(p1, p7).map((id) => `tingbjerg;A;${id}`),
        `tingbjerg;C;${p2.citizenId}`,
        `tingbjerg;D;${p3.citizenId}`,
        ...ids(p4, p10).map((id) => `urbanplanen;E;${id}`),
        `urbanplanen;F;${p6.citizenId}`,
        `urbanplanen;G;${p5.citizenId}`,
        `urbanplanen;Ikke vurderet;${p8.citizenId}`,
      ].sort(),
    );
  });

  it('gives the ids to team leads, unit leads and admins, and refuses managers (aggregates only) and the others', async () => {
    const as = (roles: Array<(typeof Role)[keyof typeof Role]>) => api({ user: 'revisor', tenant: KBH, roles });
    await as([Role.TeamLead]).get(`/progression/transitions?from=${FROM}&to=${TO}&citizens=true`).expect(200);
    await as([Role.TenantAdmin]).get(`/progression/distribution?on=${FROM}&citizens=true`).expect(200);
    await as([Role.JobConsultant]).get(`/progression/transitions?from=${FROM}&to=${TO}&citizens=true`).expect(403);
    await as([Role.Mentor]).get(`/progression/distribution?on=${FROM}&citizens=true`).expect(403);
    await as([Role.UnitLead]).get(`/progression/distribution?on=${FROM}&citizens=true&format=csv`).expect(200);
    // A manager reads the figures, not the ids behind them.
    const refused = (await as([Role.Manager]).get(`/progression/transitions?from=${FROM}&to=${TO}&citizens=true`).expect(403)).body;
    expect(refused).toMatchObject({ code: 'citizen-ids-forbidden' });
    expect(JSON.stringify(refused)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await as([Role.Manager]).get(`/progression/distribution?on=${FROM}&citizens=true&format=csv`).expect(403);
    await as([Role.Manager]).get(`/progression/transitions?from=${FROM}&to=${TO}`).expect(200);
    expect(fieldsOf((await api().get(`/progression/transitions?from=${FROM}&to=${TO}&citizens=yes&by=desk`).expect(400)).body)).toEqual(['by', 'citizens']);
  });
});
