import { randomUUID } from 'node:crypto';
import { addCalendarMonths, addDays, compareIsoDates, IsoDate, isoWeekday } from '../rules';

/**
 * Generates a realistic tenant through the caseload service's public API, for demos and
 * benchmarks: the six Copenhagen areas of the brief, three teams of two areas, consultants with
 * full caseloads of 30, mentors and company consultants, and a year of interviews with the
 * outreach team's 2014 shares of no-shows (7 %) and cancellations (6 %). Deterministic for a
 * given seed, so two runs against fresh tenants give the same picture.
 */

export interface SeedOptions {
  baseUrl: string;
  tenant: string;
  /** Job consultants per team (the brief: 15.5 consultants in three teams). */
  consultantsPerTeam?: number;
  caseloadSize?: number;
  /** The last day of the seeded year (default: today). */
  until?: IsoDate;
  seed?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface SeedSummary {
  tenant: string;
  staff: number;
  citizens: number;
  summons: number;
  held: number;
  noShows: number;
  cancelled: number;
  jobPlans: number;
  assessments: number;
  exits: number;
  requests: number;
}

/** The brief's six areas (Udvalgte Boligområder) with residents: bigger areas get more citizens. */
export const COPENHAGEN_AREAS = [
  { code: 'tingbjerg', residents: 5300 },
  { code: 'hothers-plads', residents: 3100 },
  { code: 'aldersrogade', residents: 2300 },
  { code: 'lundtoftegade', residents: 2000 },
  { code: 'akacieparken', residents: 1400 },
  { code: 'urbanplanen', residents: 5000 },
] as const;

export const COPENHAGEN_TEAMS = [
  { code: 'team-nordvest', areas: ['tingbjerg', 'lundtoftegade'] },
  { code: 'team-noerrebro', areas: ['hothers-plads', 'aldersrogade'] },
  { code: 'team-syd', areas: ['urbanplanen', 'akacieparken'] },
] as const;

export const INTERVIEW_OUTCOME_SHARES = { noShow: 0.07, cancelled: 0.06 } as const;

const FIRST_NAMES = ['Amina', 'Mohammed', 'Fatima', 'Ali', 'Sara', 'Ahmed', 'Leyla', 'Omar', 'Hassan', 'Maryam', 'Yusuf', 'Khadija', 'Jens', 'Mette', 'Lars', 'Hanne', 'Abdi', 'Hodan', 'Emre', 'Zeynep', 'Nadia', 'Bilal', 'Rania', 'Tariq'];
const LAST_NAMES = ['Hassan', 'Ali', 'Mohamed', 'Nielsen', 'Jensen', 'Hansen', 'Yilmaz', 'Ahmed', 'Abdi', 'Khan', 'Hussein', 'Pedersen', 'Osman', 'Demir', 'Farah', 'Jama', 'Larsen', 'Rasmussen'];
const STAFF_NAMES = ['Anne', 'Bo', 'Camilla', 'Dennis', 'Eva', 'Frederik', 'Gitte', 'Henrik', 'Ida', 'Jakob', 'Karen', 'Lene', 'Morten', 'Nanna', 'Ole', 'Pia', 'Rasmus', 'Signe', 'Thomas', 'Ulla'];

/** mulberry32: a tiny seeded generator, so a seed gives the same tenant every time. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A CPR number for a birth date, with the 7th digit the century table gives for it. */
export function cprFor(birthDate: IsoDate, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const century = Number(year) >= 2000 ? 4 : 0; // 4 + YY ≤ 36 → 2000s; 0-3 → 1900s
  const rest = String(serial % 1000).padStart(3, '0');
  return `${day}${month}${year.slice(2)}-${century}${rest}`;
}

class ApiClient {
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly tenant: string,
  ) {}

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    this.requests++;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-tenant-id': this.tenant, 'idempotency-key': randomUUID() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Runs the tasks with at most `limit` in flight. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  });
  await Promise.all(workers);
}

/** The next weekday on or after a date (interviews are held on working days). */
function onWeekday(date: IsoDate): IsoDate {
  let day = date;
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return day;
}

export async function seedTenant(options: SeedOptions): Promise<SeedSummary> {
  const random = generator(options.seed ?? 2014);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const api = new ApiClient(options.baseUrl.replace(/\/$/, ''), options.tenant);
  const log = options.log ?? (() => undefined);
  const consultantsPerTeam = options.consultantsPerTeam ?? 5;
  const caseloadSize = options.caseloadSize ?? 30;
  const until = options.until ?? new Date().toISOString().slice(0, 10);
  const yearStart = addCalendarMonths(until, -12);
  const concurrency = options.concurrency ?? 8;
  const summary: SeedSummary = {
    tenant: options.tenant,
    staff: 0,
    citizens: 0,
    summons: 0,
    held: 0,
    noShows: 0,
    cancelled: 0,
    jobPlans: 0,
    assessments: 0,
    exits: 0,
    requests: 0,
  };

  await api.send('PUT', '/settings', { caseloadCapacity: caseloadSize, interviewIntervalMonths: 3, noShowFollowUpWorkingDays: 2 });

  // Staff: per team its consultants, plus the brief's 4 mentors and 2 company consultants.
  const consultants: Array<{ id: string; teamCode: string; areas: readonly string[] }> = [];
  let staffNumber = 0;
  const staffName = () => `${STAFF_NAMES[staffNumber % STAFF_NAMES.length]} ${LAST_NAMES[staffNumber++ % LAST_NAMES.length]}`;
  for (const team of COPENHAGEN_TEAMS) {
    for (let i = 0; i < consultantsPerTeam; i++) {
      const staff = await api.send<{ id: string }>('POST', '/staff', {
        name: staffName(),
        role: 'job-consultant',
        teamCode: team.code,
        areaCodes: [...team.areas],
        caseloadCapacity: caseloadSize,
      });
      consultants.push({ id: staff.id, teamCode: team.code, areas: team.areas });
    }
  }
  const supportStaff = [
    ...COPENHAGEN_TEAMS.slice(0, 2).flatMap((team) => [{ role: 'mentor', team }, { role: 'mentor', team }]),
    ...COPENHAGEN_TEAMS.slice(0, 2).map((team) => ({ role: 'company-consultant', team })),
  ];
  for (const { role, team } of supportStaff) {
    await api.send('POST', '/staff', { name: staffName(), role, teamCode: team.code, areaCodes: [...team.areas] });
  }
  summary.staff = consultants.length + supportStaff.length;
  log(`staff: ${summary.staff}`);

  // Citizens: each consultant's caseload is full; areas weighted by residents within the team.
  let serial = 0;
  const citizens: Array<{ id: string; consultantId: string; areaCode: string; startedOn: IsoDate }> = [];
  const plans = consultants.flatMap((consultant) =>
    Array.from({ length: caseloadSize }, () => {
      const weights = consultant.areas.map((code) => COPENHAGEN_AREAS.find((area) => area.code === code)!.residents);
      let roll = random() * weights.reduce((a, b) => a + b, 0);
      const areaCode = consultant.areas.find((_, i) => (roll -= weights[i]) < 0) ?? consultant.areas[0];
      const birthYear = 1962 + Math.floor(random() * 42); // aged about 20-63
      const birthDate = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      return { consultant, areaCode, birthDate, serial: serial++ };
    }),
  );
  await inParallel(plans, concurrency, async ({ consultant, areaCode, birthDate, serial: n }) => {
    const citizen = await api.send<{ id: string }>('POST', '/citizens', {
      cpr: cprFor(birthDate, n),
      name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      areaCode,
      benefitType: random() < 0.85 ? 'cash-benefit' : pick(['integration-benefit', 'education-benefit', 'sickness-benefit'] as const),
      readiness: random() < 0.8 ? 'activity-ready' : 'job-ready',
      matchGroup: 2 + Math.floor(random() * 3),
      step: Math.floor(random() * 3),
      interpreterNeeded: random() < 0.3,
    });
    const startedOn = onWeekday(addDays(yearStart, Math.floor(random() * 60)));
    await api.send('PUT', `/citizens/${citizen.id}/consultant`, { consultantId: consultant.id, effectiveDate: startedOn });
    citizens.push({ id: citizen.id, consultantId: consultant.id, areaCode, startedOn });
  });
  summary.citizens = citizens.length;
  log(`citizens: ${summary.citizens}`);

  // A year of case work per citizen: a job plan, an interview about every three months (no-shows
  // re-summoned within two weeks), a progression assessment each quarter, and some exits.
  const scores = () => 1 + Math.floor(random() * 5);
  await inParallel(citizens, concurrency, async (citizen) => {
    if (random() < 0.85) {
      await api.send('POST', `/citizens/${citizen.id}/job-plans`, {
        createdOn: citizen.startedOn,
        goals: [{ kind: pick(['job', 'education', 'company-placement', 'language'] as const), description: 'Mål aftalt med borgeren', targetDate: addCalendarMonths(citizen.startedOn, 6) }],
      });
      summary.jobPlans++;
    }
    let date = onWeekday(addDays(citizen.startedOn, 14));
    while (compareIsoDates(date, until) < 0) {
      const place = random() < 0.7 ? 'local-office' : random() < 0.6 ? 'central-job-centre' : 'home-visit';
      const summons = await api.send<{ id: string }>('POST', `/citizens/${citizen.id}/summons`, {
        place,
        ...(place === 'local-office' ? { areaCode: citizen.areaCode } : {}),
        scheduledAt: `${date}T09:30:00+01:00`,
      });
      summary.summons++;
      const roll = random();
      if (roll < INTERVIEW_OUTCOME_SHARES.noShow) {
        await api.send('POST', `/interviews/${summons.id}/outcome`, { outcome: 'no-show' });
        summary.noShows++;
        date = onWeekday(addDays(date, 7 + Math.floor(random() * 7)));
      } else if (roll < INTERVIEW_OUTCOME_SHARES.noShow + INTERVIEW_OUTCOME_SHARES.cancelled) {
        await api.send('POST', `/interviews/${summons.id}/outcome`, { outcome: 'cancelled', cancelledBy: random() < 0.7 ? 'citizen' : 'job-centre' });
        summary.cancelled++;
        date = onWeekday(addDays(date, 3 + Math.floor(random() * 7)));
      } else {
        await api.send('POST', `/interviews/${summons.id}/outcome`, { outcome: 'held', heldOn: date });
        summary.held++;
        await api.send('POST', `/citizens/${citizen.id}/progression-assessments`, {
          assessedOn: date,
          scores: { professionalSkills: scores(), jobOrEducationFocus: scores(), personalAndSocialCompetences: scores(), socialConditions: scores(), health: scores() },
        });
        summary.assessments++;
        // Most interviews are held a little before the three months are up; some are late.
        date = onWeekday(addDays(addCalendarMonths(date, 3), -Math.floor(random() * 20) + (random() < 0.1 ? 25 : 0)));
      }
    }
    if (random() < 0.12) {
      const exitDate = onWeekday(addDays(until, -Math.floor(random() * 60)));
      await api.send('POST', `/citizens/${citizen.id}/exit`, { reason: pick(['job', 'job', 'education', 'other-self-sufficiency', 'moved'] as const), exitDate });
      summary.exits++;
    }
  });
  summary.requests = api.requests;
  log(`interviews: ${summary.summons} summons, ${summary.held} held, ${summary.noShows} no-shows, ${summary.cancelled} cancelled`);
  return summary;
}
