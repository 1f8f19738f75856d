import { randomUUID } from 'node:crypto';
import { CitizenRegistered, DeskSessionClosed } from '@fremskudt/contracts';
import { inPool } from '@fremskudt/testing';
import { DEFAULT_TOPICS } from '../src/desks/lookups';
import { desksTestbed, fieldsOf, UNKNOWN_ID } from './support/desks-testbed';

/**
 * The brief's reference month (domain §4.2): March 2015, 876 visits over Copenhagen's six areas,
 * 94 % of them by citizens with a case, 14 per opening day (5 summoned, 8 walk-in with a case,
 * 1 without a case), and 3 of 5 case citizens coming without a summons. The month is replayed
 * through the public API only (area template, closed days, sessions opened and closed at their
 * times, visits registered afterwards) with citizens and staff arriving as caseload's events, and
 * the statistics are checked against those figures and against what the fixture put in.
 */

const TENANT = 'kbh-2015';
const MONTH = { from: '2015-03-01', to: '2015-03-31' };
const CITIZENS_PER_AREA = 70;
/** Days the desks stayed shut in March 2015 (a team day, a course, staff ill): 71 planned sessions become 62 opening days. */
const CLOSED_DAYS: Array<{ areaCode: string; date: string; reason: string }> = [
  ...['tingbjerg', 'hothers-plads', 'lundtoftegade', 'urbanplanen'].map((areaCode) => ({ areaCode, date: '2015-03-19', reason: 'Teamdag' })),
  ...['aldersrogade', 'urbanplanen'].map((areaCode) => ({ areaCode, date: '2015-03-27', reason: 'Kursus' })),
  ...['tingbjerg', 'aldersrogade', 'urbanplanen'].map((areaCode) => ({ areaCode, date: '2015-03-30', reason: 'Sygdom' })),
];

interface TemplateDesk {
  id: string;
  areaCode: string;
  weekly: Array<{ weekday: number; opens: string; closes: string }>;
}

interface OpeningDay {
  desk: TemplateDesk;
  date: string;
  opens: string;
  closes: string;
}

interface PlannedVisit {
  visitorKind: 'citizen-with-case' | 'citizen-without-case' | 'anonymous';
  arrival: 'summoned' | 'walk-in';
  citizenId: string | null;
  waitedMinutes: number;
  talkMinutes: number;
  topics: string[];
  actions: string[];
  referral: boolean;
}

/** March 2015 was on winter time (UTC+1) until the 29th, summer time (UTC+2) from then on. */
const copenhagenInstant = (date: string, time: string, plusMinutes = 0): string => {
  const offset = date >= '2015-03-29' ? '+02:00' : '+01:00';
  return new Date(new Date(`${date}T${time}:00${offset}`).getTime() + plusMinutes * 60_000).toISOString();
};

const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** percentile_cont as PostgreSQL computes it: linear interpolation between the closest ranks. */
function percentileCont(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  return sorted[lower] + (sorted[Math.ceil(position)] - sorted[lower]) * (position - lower);
}

describe('counselling: the March 2015 reference month through the API (real PostgreSQL and Kafka)', () => {
  const testbed = desksTestbed('march-2015');
  const { api } = testbed;

  const openingDays: OpeningDay[] = [];
  const planned: PlannedVisit[] = [];
  const closedEvents: Array<{ visits: number; summoned: number; walkInWithCase: number; withoutCase: number }> = [];

  beforeAll(async () => {
    // The six areas and their opening days a week, from the tenant's template.
    const setup = await api(TENANT).post('/setup/areas', { template: 'copenhagen' }).expect(200);
    const desks = setup.body.desks as TemplateDesk[];
    for (const closed of CLOSED_DAYS) {
      const desk = desks.find((candidate) => candidate.areaCode === closed.areaCode)!;
      await api(TENANT).post(`/desks/${desk.id}/exceptions`, { date: closed.date, kind: 'closed', reason: closed.reason }).expect(201);
    }
    for (let day = 1; day <= 31; day += 1) {
      const date = `2015-03-${String(day).padStart(2, '0')}`;
      for (const desk of desks) {
        const opening = desk.weekly.find((weekly) => weekly.weekday === isoWeekday(date));
        if (opening && !CLOSED_DAYS.some((closed) => closed.areaCode === desk.areaCode && closed.date === date)) {
          openingDays.push({ desk, date, opens: opening.opens, closes: opening.closes });
        }
      }
    }

    // Two consultants per area and the areas' citizens with a case, as caseload publishes them.
    const staffOf = new Map<string, string[]>();
    for (const desk of desks) {
      staffOf.set(desk.areaCode, [
        await testbed.registerStaff(TENANT, { areaCodes: [desk.areaCode] }),
        await testbed.registerStaff(TENANT, { areaCodes: [desk.areaCode] }),
      ]);
      await api(TENANT).post(`/areas/${desk.areaCode}/partners`, { code: 'jobcafe', name: `Jobcaféen ${desk.areaCode}`, kind: 'ngo' }).expect(201);
    }
    const citizensOf = new Map(desks.map((desk) => [desk.areaCode, Array.from({ length: CITIZENS_PER_AREA }, () => randomUUID())]));
    await testbed.play(
      TENANT,
      [...citizensOf].flatMap(([areaCode, ids]) =>
        ids.map((citizenId) => ({
          contract: CitizenRegistered,
          payload: {
            citizenId,
            periodId: randomUUID(),
            periodOpenedOn: '2014-09-01',
            birthDate: '1975-06-15',
            areaCode,
            benefitType: 'cash-benefit',
            readiness: 'activity-ready',
            matchGroup: null,
            step: null,
            interpreterNeeded: false,
            registeredAt: '2014-09-01T08:00:00.000Z',
          },
        })),
      ),
    );
    await testbed.eventually(
      `SELECT count(*)::int AS n FROM case_citizen WHERE tenant_id = $1 AND active`,
      [TENANT],
      (rows: Array<{ n: number }>) => rows[0].n === 6 * CITIZENS_PER_AREA,
      'the citizens with a case in the read model',
    );

    // The month: 876 visits = 62 opening days × 14, plus one more on 8 of them; every opening day
    // has 5 summoned citizens, 53 of them one visitor without a case (8 of those anonymous).
    const nextCitizen = new Map(desks.map((desk) => [desk.areaCode, 0]));
    const caseCitizenOf = (areaCode: string) => {
      const index = nextCitizen.get(areaCode)!;
      nextCitizen.set(areaCode, index + 1);
      // Walk the area's citizens with a stride prime to their number: in the busy areas they come back
      // within the month, in Akacieparken (four opening days) nobody does.
      return citizensOf.get(areaCode)![(index * 11) % CITIZENS_PER_AREA];
    };
    for (const [dayIndex, day] of openingDays.entries()) {
      const visitsOfDay = 14 + (dayIndex < 8 ? 1 : 0);
      const withoutCase = dayIndex < 53 ? 1 : 0;
      const [firstStaff, secondStaff] = staffOf.get(day.desk.areaCode)!;
      const session = await api(TENANT)
        .post(`/desks/${day.desk.id}/sessions`, { staffIds: [firstStaff, secondStaff], at: copenhagenInstant(day.date, day.opens) })
        .expect(201);
      const registrations: Array<{ body: object; plan: PlannedVisit }> = [];
      for (let slot = 0; slot < visitsOfDay; slot += 1) {
        const kind: PlannedVisit['visitorKind'] =
          slot === visitsOfDay - 1 && withoutCase ? (dayIndex % 7 === 3 ? 'anonymous' : 'citizen-without-case') : 'citizen-with-case';
        const withCase = kind === 'citizen-with-case';
        const topicIndex = dayIndex * 15 + slot;
        const plan: PlannedVisit = {
          visitorKind: kind,
          arrival: withCase && slot < 5 ? 'summoned' : 'walk-in',
          citizenId: withCase ? caseCitizenOf(day.desk.areaCode) : null,
          waitedMinutes: (slot * 3 + dayIndex) % 25,
          talkMinutes: 8 + (topicIndex % 5) * 3,
          topics: [DEFAULT_TOPICS[topicIndex % DEFAULT_TOPICS.length].code, ...(topicIndex % 3 === 0 ? ['letters-from-authorities'] : [])].filter(
            (code, index, all) => all.indexOf(code) === index,
          ),
          actions: !withCase
            ? ['advice']
            : ['advice', ...(slot < 5 ? ['follow-up-interview-held'] : []), ...(topicIndex % 10 === 0 ? ['referral'] : [])],
          referral: withCase && topicIndex % 10 === 0,
        };
        const checkedInMinute = slot * 9;
        const staffId = slot % 2 === 0 ? firstStaff : secondStaff;
        registrations.push({
          plan,
          body: {
            visitorKind: plan.visitorKind,
            citizenId: plan.citizenId ?? undefined,
            arrival: plan.arrival,
            staffId,
            checkedInAt: copenhagenInstant(day.date, day.opens, checkedInMinute),
            talkStartedAt: copenhagenInstant(day.date, day.opens, checkedInMinute + plan.waitedMinutes),
            endedAt: copenhagenInstant(day.date, day.opens, checkedInMinute + plan.waitedMinutes + plan.talkMinutes),
            topics: plan.topics,
            actions: plan.actions,
            referrals: plan.referral ? [{ partnerCode: 'jobcafe' }] : undefined,
          },
        });
        planned.push(plan);
      }
      await inPool(registrations, 4, ({ body }) => api(TENANT).post(`/desks/${day.desk.id}/visits/registrations`, body).expect(201));
      await api(TENANT)
        .post(`/desks/${day.desk.id}/sessions/${session.body.id}/close`, { at: copenhagenInstant(day.date, day.closes) })
        .expect(200);
    }
    const closed = await testbed.probe.waitFor(DeskSessionClosed, undefined, openingDays.length, 60_000);
    closedEvents.push(...closed.filter((event) => event.tenant === TENANT).map((event) => event.data));
  }, 300_000);

  const statistics = async (query: Record<string, string> = {}) =>
    (await api(TENANT).get('/statistics/visits').query({ ...MONTH, ...query }).expect(200)).body;

  it("matches the brief: 876 visits in six areas, 14 per opening day (5 / 8 / 1), 94 % with a case, 3 of 5 case citizens without a summons", async () => {
    const { total, desks } = await statistics();
    expect(desks.map((desk: { areaCode: string }) => desk.areaCode).sort()).toEqual(
      ['akacieparken', 'aldersrogade', 'hothers-plads', 'lundtoftegade', 'tingbjerg', 'urbanplanen'],
    );
    expect(total.visits).toBe(876);
    expect(total.openingDays).toBe(62);
    expect(total.sessions).toBe(62);
    expect(total.split).toEqual({ summoned: 310, walkInWithCase: 513, withoutCase: 53, citizensWithoutCase: 45, anonymous: 8 });
    // The brief rounds to whole visits a day.
    expect(Math.round(total.perOpeningDay.visits)).toBe(14);
    expect(Math.round(total.perOpeningDay.summoned)).toBe(5);
    expect(Math.round(total.perOpeningDay.walkInWithCase)).toBe(8);
    expect(Math.round(total.perOpeningDay.withoutCase)).toBe(1);
    expect(total.perOpeningDay).toEqual({ visits: 14.1, summoned: 5, walkInWithCase: 8.3, withoutCase: 0.9 });
    expect(total.withCasePercent).toBe(93.9);
    expect(Math.round(total.withCasePercent)).toBe(94);
    expect(total.caseVisitsWithoutSummonsPercent).toBe(62.3);
    expect(Math.abs(total.caseVisitsWithoutSummonsPercent - 60)).toBeLessThan(5);
  });

  it('gives the waiting and talk times, repeat visitors, topics, actions and referrals the fixture put in', async () => {
    const { total } = await statistics();
    expect(total.waitingTime).toEqual({
      measured: 876,
      medianMinutes: Math.round(percentileCont(planned.map((visit) => visit.waitedMinutes), 0.5) * 10) / 10,
      p90Minutes: Math.round(percentileCont(planned.map((visit) => visit.waitedMinutes), 0.9) * 10) / 10,
    });
    expect(total.talkLength).toEqual({ measured: 876, medianMinutes: percentileCont(planned.map((visit) => visit.talkMinutes), 0.5) });

    const visitsPerCitizen = new Map<string, number>();
    for (const visit of planned) if (visit.citizenId) visitsPerCitizen.set(visit.citizenId, (visitsPerCitizen.get(visit.citizenId) ?? 0) + 1);
    const repeaters = [...visitsPerCitizen.values()].filter((count) => count >= 2).length;
    expect(total.repeatVisitors).toMatchObject({ caseCitizens: visitsPerCitizen.size, repeatVisitors: repeaters });
    expect(repeaters).toBeGreaterThan(0);
    expect(repeaters).toBeLessThan(visitsPerCitizen.size);

    const countOf = (codes: (visit: PlannedVisit) => string[]) => {
      const counts = new Map<string, number>();
      for (const visit of planned) for (const code of codes(visit)) counts.set(code, (counts.get(code) ?? 0) + 1);
      return counts;
    };
    const topicCounts = countOf((visit) => visit.topics);
    for (const entry of total.topics as Array<{ code: string; visits: number }>) expect([entry.code, entry.visits]).toEqual([entry.code, topicCounts.get(entry.code) ?? 0]);
    expect(total.topics).toHaveLength(DEFAULT_TOPICS.length);
    const actionCounts = countOf((visit) => visit.actions);
    for (const [code, visits] of actionCounts) expect(total.actions).toContainEqual(expect.objectContaining({ code, visits }));
    expect(actionCounts.get('follow-up-interview-held')).toBe(310);
    const referrals = planned.filter((visit) => visit.referral).length;
    expect(total.referrals.total).toBe(referrals);
    expect(total.referrals.byPartner.reduce((sum: number, partner: { referrals: number }) => sum + partner.referrals, 0)).toBe(referrals);
  });

  it('splits the month per desk and per opening day, and the sessions closed on the topic add up to the same figures', async () => {
    const { total, desks } = await statistics();
    const perDesk = new Map<string, number>();
    for (const day of openingDays) perDesk.set(day.desk.id, (perDesk.get(day.desk.id) ?? 0) + 1);
    for (const desk of desks) expect([desk.areaCode, desk.openingDays]).toEqual([desk.areaCode, perDesk.get(desk.deskId)]);
    expect(desks.reduce((sum: number, desk: { visits: number }) => sum + desk.visits, 0)).toBe(876);

    const tingbjerg = desks.find((desk: { areaCode: string }) => desk.areaCode === 'tingbjerg');
    const tingbjergOnly = await statistics({ areaCode: 'tingbjerg' });
    expect(tingbjergOnly.total).toEqual(expect.objectContaining({ visits: tingbjerg.visits, openingDays: tingbjerg.openingDays }));

    const days = (await api(TENANT).get('/statistics/visits/days').query(MONTH).expect(200)).body.days as Array<Record<string, number>>;
    expect(days).toHaveLength(62);
    const sum = (field: string) => days.reduce((acc, day) => acc + day[field], 0);
    expect([sum('visits'), sum('summoned'), sum('walkInWithCase'), sum('withoutCase')]).toEqual([876, 310, 513, 53]);
    for (const day of days) expect(day.visits).toBeGreaterThanOrEqual(14);

    // What reporting gets: one DeskSessionClosed per opening day, with the same split.
    expect(closedEvents).toHaveLength(62);
    const eventSum = (field: keyof (typeof closedEvents)[number]) => closedEvents.reduce((acc, event) => acc + event[field], 0);
    expect([eventSum('visits'), eventSum('summoned'), eventSum('walkInWithCase'), eventSum('withoutCase')]).toEqual([
      total.visits,
      total.split.summoned,
      total.split.walkInWithCase,
      total.split.withoutCase,
    ]);
  });

  it("answers for one desk, shows another municipality nothing, and refuses a bad period or a desk it doesn't know", async () => {
    const { desks } = await statistics();
    const akacieparken = desks.find((desk: { areaCode: string }) => desk.areaCode === 'akacieparken');
    const one = await statistics({ deskId: akacieparken.deskId });
    expect(one.desks).toHaveLength(1);
    expect(one.total).toEqual(expect.objectContaining({ visits: akacieparken.visits, openingDays: 4 }));
    // Four opening days with the stride through 70 citizens: nobody came twice.
    expect(one.total.repeatVisitors.repeatVisitors).toBe(0);

    const other = (await api('slagelse-2015').get('/statistics/visits').query(MONTH).expect(200)).body;
    expect(other.total).toEqual(expect.objectContaining({ visits: 0, openingDays: 0, sessions: 0 }));
    expect(other.desks).toEqual([]);
    await api('slagelse-2015').get('/statistics/visits').query({ ...MONTH, deskId: akacieparken.deskId }).expect(404);
    await api(TENANT).get('/statistics/visits').query({ ...MONTH, deskId: UNKNOWN_ID }).expect(404);

    const missing = await api(TENANT).get('/statistics/visits').query({ to: '2015-03-31', deskId: 'desk-1' }).expect(400);
    expect(fieldsOf(missing.body)).toEqual(['deskId', 'from']);
    const backwards = await api(TENANT).get('/statistics/visits').query({ from: '2015-03-31', to: '2015-03-01' }).expect(400);
    expect(fieldsOf(backwards.body)).toEqual(['to']);
    const tooLong = await api(TENANT).get('/statistics/visits/days').query({ from: '2014-01-01', to: '2015-03-31' }).expect(400);
    expect(fieldsOf(tooLong.body)).toEqual(['to']);
  });
});
