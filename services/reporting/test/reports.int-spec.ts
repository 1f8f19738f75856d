import { randomUUID } from 'node:crypto';
import { DeskSessionClosed, DeskSessionOpened } from '@fremskudt/contracts';
import { openApiConventionViolations } from '@fremskudt/testing';
import { CitizenStory, fieldsOf, KBH, PlayedEvent, reportingTestbed, SLAGELSE } from './support/reporting-testbed';
import { ProgressionStory } from './support/progression-2014';

const YEAR_2014 = { type: 'year', year: 2014 };
const EVIL = '<script>alert("x")</script> & Co';

const GOALS = [
  {
    id: 'jobplaner',
    name: { da: 'Borgere med jobplan', en: 'Citizens with a job plan' },
    kind: 'share',
    scope: { areas: ['urbanplanen'] },
    target: { value: 0.5 },
    definition: { population: {}, numerator: { currentJobPlan: true } },
  },
  { id: 'mentor', name: { da: 'Mentorforløb', en: 'Mentor courses' }, kind: 'count', scope: {}, target: { value: 4 }, definition: { events: { fact: 'offer-started', where: { offerType: 'mentor' } } } },
  { id: 'ond', name: { da: EVIL, en: EVIL }, kind: 'count', scope: {}, target: { value: 1 }, definition: { events: { fact: 'home-visit-held' } } },
  { id: 'sygedagpenge', name: { da: 'Opfølgning på sygedagpenge', en: 'Sickness benefit follow-up' }, kind: 'manual', scope: {}, definition: {} },
].map((goal) => ({ period: YEAR_2014, ...goal }));

/** The text of an HTML fragment as a reader sees it: tags out, the entities Handlebars writes decoded, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The rows (`<tr class="…">`) of a class in the report, each as the text of its cells. */
const rowsOf = (html: string, rowClass: string): string[][] =>
  [...html.matchAll(new RegExp(`<tr class="${rowClass}"[^>]*>([\\s\\S]*?)</tr>`, 'g'))].map(([, row]) => [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) => textOf(cell)));

/** The goal row with the goal id, as the text of its cells, and its raw HTML. */
const goalRow = (html: string, goalId: string) => {
  const raw = html.match(new RegExp(`<tr class="goal" data-goal="${goalId}">([\\s\\S]*?)</tr>`))?.[1] ?? '';
  return { raw, cells: [...raw.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) => textOf(cell)) };
};

describe('reporting: the printable HTML report per tenant and period (real PostgreSQL and Kafka)', () => {
  const testbed = reportingTestbed('reports');
  const { api } = testbed;

  // Urbanplanen: four citizens, three with a job plan, three starting mentor courses.
  const goalCitizens = [0, 1, 2, 3].map((i) => {
    const story = new CitizenStory('urbanplanen', '2014-01-02');
    if (i < 3) story.jobPlan('2014-02-01').offer('mentor', '2014-03-01');
    return story;
  });
  // Progression: Tingbjerg (the effort) A→B, A→job, E→E, F→C; Valby (the comparison) B→G, G→moved.
  const progression = [
    new ProgressionStory('tingbjerg', '2013-09-02').assessed('2014-01-15', 'A').assessed('2014-12-10', 'B'),
    new ProgressionStory('tingbjerg', '2013-09-02').assessed('2014-01-15', 'A').exited('job', '2014-06-02'),
    new ProgressionStory('tingbjerg', '2013-09-02').assessed('2014-01-15', 'E').assessed('2014-12-10', 'E'),
    new ProgressionStory('tingbjerg', '2013-09-02').assessed('2014-01-15', 'F').assessed('2014-12-10', 'C'),
    new ProgressionStory('valby', '2013-09-02').assessed('2014-01-15', 'B').assessed('2014-12-10', 'G'),
    new ProgressionStory('valby', '2013-09-02').assessed('2014-01-15', 'G').exited('moved', '2014-08-01'),
  ];
  const deskId = randomUUID();
  const sessionId = randomUUID();
  const desk: PlayedEvent[] = [
    {
      contract: DeskSessionOpened,
      id: randomUUID(),
      payload: { deskId, sessionId, areaCode: 'tingbjerg', date: '2014-03-04', openedAt: '2014-03-04T08:00:00Z', plannedCloseAt: '2014-03-04T11:00:00Z', staffIds: [randomUUID()], extra: false },
    },
    { contract: DeskSessionClosed, id: randomUUID(), payload: { deskId, sessionId, areaCode: 'tingbjerg', date: '2014-03-04', closedAt: '2014-03-04T11:00:00Z', visits: 14, summoned: 5, walkInWithCase: 8, withoutCase: 1 } },
  ];

  beforeAll(async () => {
    await api().post('/goals/import', { goals: GOALS }).expect(200);
    await api()
      .put('/settings/scopes', {
        effort: { name: { da: 'Fremskudt <indsats>', en: 'Outreach <effort>' }, scope: { areas: ['tingbjerg'] } },
        comparison: { name: { da: 'Ordinært jobcenter', en: 'Ordinary job centre' }, scope: { areas: ['valby'] } },
      })
      .expect(200);
    const events = [...goalCitizens.flatMap((story) => story.events), ...progression.flatMap((story) => story.events), ...desk];
    await testbed.playEvents(KBH, events);
    await testbed.processed(events);
  });

  it('shows each goal’s status as a coloured marker with the word, and the evidence behind the figure, in Danish', async () => {
    const response = await api().get('/reports/2014.html').expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.text;
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="da">/);
    expect(textOf(html.match(/<h1>([\s\S]*?)<\/h1>/)![1])).toBe('Målopfyldelse: kbh, 2014');

    const jobPlans = goalRow(html, 'jobplaner');
    // name, period, status, realised, target, numerator, denominator, population, definition
    expect(jobPlans.cells.slice(0, 8)).toEqual(['Borgere med jobplan', '2014', '● Opfyldt', '75,00 %', 'mindst 50,00 %', '3', '4', '4']);
    expect(jobPlans.cells[8]).toMatch(/^andel, version 1 \(gemt \d{4}-\d{2}-\d{2}\)$/);
    expect(jobPlans.raw).toContain('<span class="status status-met"><span class="marker" aria-hidden="true">●</span> Opfyldt</span>');
    expect(goalRow(html, 'mentor').cells.slice(2, 6)).toEqual(['◐ Delvist opfyldt', '3', 'mindst 4', '3']);
    expect(goalRow(html, 'ond').cells.slice(2, 3)).toEqual(['○ Ikke opfyldt']);
    expect(goalRow(html, 'sygedagpenge').cells.slice(2, 3)).toEqual(['– Ikke vurderet']);
    // Every status word is there in full, never colour alone.
    for (const [code, word] of [['met', 'Opfyldt'], ['partly-met', 'Delvist opfyldt'], ['not-met', 'Ikke opfyldt'], ['not-assessed', 'Ikke vurderet']]) {
      expect(html).toMatch(new RegExp(`<span class="status status-${code}"><span class="marker" aria-hidden="true">.</span> ${word}</span>`));
    }
  });

  it('has the indicator table with the comparison group’s column, the progression tables and the desks', async () => {
    const html = (await api().get('/reports/2014.html').expect(200)).text;
    const header = textOf(html.match(/<section id="indicators">[\s\S]*?<thead>([\s\S]*?)<\/thead>/)![1]);
    expect(header).toBe('Indikator Periode Måltal Realiseret Status Sammenligning: Ordinært jobcenter');
    // Valby's two citizens have no job plan: 0 %.
    expect(rowsOf(html, 'indicator').find((row) => row[0] === 'Borgere med jobplan')).toEqual(['Borgere med jobplan', '2014', 'mindst 50,00 %', '75,00 %', '● Opfyldt', '0,00 %']);

    expect(textOf(html.match(/<section id="progression">\s*<h2>([\s\S]*?)<\/h2>/)![1])).toBe('Progression 31.1.2014 → 31.12.2014');
    expect(html).toContain('<h3>Fremskudt &lt;indsats&gt;</h3>');
    expect(rowsOf(html, 'transition')).toEqual([
      ['God (A-D)', '2', '1 (50,0 %)', '0 (0,0 %)', '1 (50,0 %)', '0 (0,0 %)'],
      ['Dårlig (E-G)', '2', '1 (50,0 %)', '1 (50,0 %)', '0 (0,0 %)', '0 (0,0 %)'],
      ['God (A-D)', '1', '0 (0,0 %)', '1 (100,0 %)', '0 (0,0 %)', '0 (0,0 %)'],
      ['Dårlig (E-G)', '1', '0 (0,0 %)', '0 (0,0 %)', '0 (0,0 %)', '1 (100,0 %)'],
    ]);
    expect(rowsOf(html, 'desk')).toEqual([[`tingbjerg (${deskId.slice(0, 8)})`, '1', '1', '14', '14', '5', '8', '1']]);
  });

  it('escapes every value: a goal name or scope name with markup is shown as text', async () => {
    const html = (await api().get('/reports/2014.html').expect(200)).text;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(goalRow(html, 'ond').cells[0]).toBe(EVIL);
    expect(html).toContain('Fremskudt &lt;indsats&gt;');
    expect(html).not.toContain('Fremskudt <indsats>');
  });

  it('is in English with ?lang=en or Accept-Language: en', async () => {
    for (const response of [await api().get('/reports/2014.html?lang=en').expect(200), await api().get('/reports/2014.html').set('accept-language', 'en').expect(200)]) {
      const html = response.text;
      expect(html).toContain('<html lang="en">');
      expect(goalRow(html, 'jobplaner').cells.slice(0, 5)).toEqual(['Citizens with a job plan', '2014', '● Met', '75.00 %', 'at least 50.00 %']);
      expect(goalRow(html, 'mentor').cells[2]).toBe('◐ Partly met');
      expect(html).toContain('Outreach &lt;effort&gt;');
      expect(rowsOf(html, 'transition')[0]).toEqual(['Good (A-D)', '2', '1 (50.0 %)', '0 (0.0 %)', '1 (50.0 %)', '0 (0.0 %)']);
    }
    // ?lang wins over the header.
    expect((await api().get('/reports/2014.html?lang=da').set('accept-language', 'en').expect(200)).text).toContain('<html lang="da">');
  });

  it('takes other periods, refuses what is not one, and shows a tenant only its own', async () => {
    const half = (await api().get('/reports/2014-h1.html').expect(200)).text;
    expect(textOf(half.match(/<h1>([\s\S]*?)<\/h1>/)![1])).toBe('Målopfyldelse: kbh, 1. halvår 2014');
    expect((await api().get('/reports/2014-03-01--2014-03-31.html').expect(200)).text).toContain('1.3.2014 – 31.3.2014');
    expect(fieldsOf((await api().get('/reports/2014-13.html').expect(400)).body)).toEqual(['period']);
    expect(fieldsOf((await api().get('/reports/2014.html?lang=fr').expect(400)).body)).toEqual(['lang']);
    const slagelse = (await api(SLAGELSE).get('/reports/2014.html').expect(200)).text;
    expect(rowsOf(slagelse, 'goal')).toEqual([]);
    expect(slagelse).not.toContain('Borgere med jobplan');
  });

  it('gives the same figures when every event is delivered twice', async () => {
    const figures = async () => [
      (await api().get('/progression/transitions?from=2014-01-31&to=2014-12-31').expect(200)).body,
      (await api().get('/progression/distribution?on=2014-12-31&by=area').expect(200)).body,
      (await api().get('/statistics/open-counselling?from=2014-01-01&to=2014-12-31').expect(200)).body,
      rowsOf((await api().get('/reports/2014.html').expect(200)).text, 'goal'),
    ];
    const once = await figures();
    await testbed.playEvents(KBH, [...goalCitizens.flatMap((story) => story.events), ...progression.flatMap((story) => story.events), ...desk]);
    await testbed.caughtUp();
    expect(await figures()).toEqual(once);
  });

  it('documents the report, progression, scopes and open counselling alike to the other endpoints', async () => {
    const document = await testbed.openApiDocument();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/reports/{period}.html', '/progression/distribution', '/progression/transitions', '/settings/scopes', '/statistics/open-counselling']),
    );
    const violations = openApiConventionViolations(document);
    expect(violations).toEqual({ commands: violations.commands, withoutIdempotencyKey: [], without400: [], without404OnResource: [], untagged: [] });
  });
});
