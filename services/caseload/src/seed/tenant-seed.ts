import { addCalendarMonths, addDays, addWorkingDays, compareIsoDates, copenhagenDateOf, IsoDate, isWorkingDay, parseIsoDate } from '../rules';

/**
 * Generates a realistic tenant through the caseload service's public API, for demos and
 * benchmarks: the six Copenhagen areas of the brief, three teams of two areas, job consultants
 * with full caseloads of 30, mentors and company consultants, and a year of case work: job plans
 * (revised after half a year), an interview about every three months with the outreach team's
 * 2014 shares of no-shows (7 %) and cancellations (6 %), a follow-up task per no-show, a
 * progression assessment at every held interview, and some exits whose places are filled again.
 *
 * Every citizen is registered with `registeredOn` = the day their case starts in the plan, so
 * their case period opens then (the first interview is due three months later) and the
 * assignment, job plan, interviews and assessments all lie inside it. An exit is dated on a
 * planned working day within the year, after the citizen's last fact and before `until`; the
 * replacement is registered and assigned that same day and has its own year from then on: a job
 * plan, interviews until `until` and the summons for its next interview. So the caseloads stay
 * full and each place's history is continuous.
 *
 * Every fact is dated on or before `until` (which is not after today). The summons for each
 * active citizen's next interview is an appointment after that. One date the API does not let the
 * seed choose: a follow-up task is created on the day its no-show is recorded (the day the seed
 * runs), and cannot be completed before that, so a follow-up planned for an earlier day is
 * completed on the day its task was created instead.
 *
 * Deterministic: the whole tenant is planned first from the seed (each citizen from its own
 * generator, so the order in which concurrent requests finish changes nothing), then sent.
 * Idempotency keys are derived from the plan, and the bodies from the plan and what the API
 * already answered, so a transient failure is retried safely and a run that broke off can be
 * started again with the same options (the same `until`) on the same tenant: what was done is
 * answered from the command log, the rest is done.
 */

export interface SeedOptions {
  baseUrl: string;
  /** The tenant being seeded: the one in the access token. */
  tenant: string;
  /** A bearer token for the tenant with the roles tenant-admin (staff) and unit-lead (citizens of every team and area). */
  accessToken: string;
  /** Job consultants per team (the brief: 15.5 consultants in three teams). */
  consultantsPerTeam?: number;
  /** Citizens per consultant at the end of the run (the brief: 30). */
  caseloadSize?: number;
  /** The last day of the seeded year (default: today in Copenhagen; not after today). */
  until?: IsoDate;
  seed?: number;
  /** Requests in flight at once (each citizen's own commands go one after another). */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface SeedSummary {
  tenant: string;
  staff: number;
  consultants: number;
  citizens: number;
  summonses: number;
  held: number;
  noShows: number;
  cancelled: number;
  /** Summonses for the next interview, without an outcome yet. */
  openSummonses: number;
  followUpTasks: number;
  followUpTasksCompleted: number;
  jobPlans: number;
  jobPlanRevisions: number;
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

type AreaCode = (typeof COPENHAGEN_AREAS)[number]['code'];

/** Three teams of two areas; the brief's 4 mentors and 2 company consultants spread over them. */
export const COPENHAGEN_TEAMS: ReadonlyArray<{ code: string; areas: readonly AreaCode[]; mentors: number; companyConsultants: number }> = [
  { code: 'team-nordvest', areas: ['tingbjerg', 'lundtoftegade'], mentors: 2, companyConsultants: 1 },
  { code: 'team-noerrebro', areas: ['hothers-plads', 'aldersrogade'], mentors: 1, companyConsultants: 0 },
  { code: 'team-syd', areas: ['urbanplanen', 'akacieparken'], mentors: 1, companyConsultants: 1 },
];

/** Interview attendance in the outreach team in 2014 (brief §5): 7 % no-shows, 6 % cancellations. */
export const INTERVIEW_OUTCOME_SHARES = { noShow: 0.07, cancelled: 0.06 } as const;
/** Share of citizens who leave during the run (their place in the caseload is filled again). */
export const EXIT_SHARE = 0.12;
export const JOB_PLAN_SHARE = 0.9;
/** No-shows older than this many days at the end of the year have been followed up. */
const OPEN_FOLLOW_UP_DAYS = 14;
export const TENANT_SETTINGS = { caseloadCapacity: 30, interviewIntervalMonths: 3, noShowFollowUpWorkingDays: 2 } as const;

const FIRST_NAMES = ['Amina', 'Mohammed', 'Fatima', 'Ali', 'Sara', 'Ahmed', 'Leyla', 'Omar', 'Hassan', 'Maryam', 'Yusuf', 'Khadija', 'Jens', 'Mette', 'Lars', 'Hanne', 'Abdi', 'Hodan', 'Emre', 'Zeynep', 'Nadia', 'Bilal', 'Rania', 'Tariq'];
const LAST_NAMES = ['Hassan', 'Ali', 'Mohamed', 'Nielsen', 'Jensen', 'Hansen', 'Yilmaz', 'Ahmed', 'Abdi', 'Khan', 'Hussein', 'Pedersen', 'Osman', 'Demir', 'Farah', 'Jama', 'Larsen', 'Rasmussen'];
const STAFF_NAMES = ['Anne', 'Bo', 'Camilla', 'Dennis', 'Eva', 'Frederik', 'Gitte', 'Henrik', 'Ida', 'Jakob', 'Karen', 'Lene', 'Morten', 'Nanna', 'Ole', 'Pia', 'Rasmus', 'Signe', 'Thomas', 'Ulla'];
const GOALS = {
  job: 'Ordinært job, gerne i lokalområdet',
  education: 'Påbegynde en erhvervsuddannelse',
  'company-placement': 'Virksomhedspraktik med henblik på løntilskud',
  language: 'Danskuddannelse, modul 3',
  health: 'Afklaring af helbred sammen med egen læge',
  social: 'Stabil bolig og hverdag',
} as const;
type GoalKind = keyof typeof GOALS;
const SCORE_FACTORS = ['professionalSkills', 'jobOrEducationFocus', 'personalAndSocialCompetences', 'socialConditions', 'health'] as const;
type Scores = Record<(typeof SCORE_FACTORS)[number], number>;

/** mulberry32: a tiny seeded generator, so a seed gives the same tenant every time. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly random: () => number) {}
  static of(seed: number, stream: number): Dice {
    // A generator per stream (staff, each citizen), mixed so neighbouring streams differ.
    return new Dice(generator(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  integer(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }
  weighted<T>(values: readonly T[], weight: (value: T) => number): T {
    let roll = this.random() * values.reduce((sum, value) => sum + weight(value), 0);
    return values.find((value) => (roll -= weight(value)) < 0) ?? values[values.length - 1];
  }
}

/**
 * A CPR number for a birth date: the 7th digit puts the year in the right century (0-3: 1900s;
 * 4-8 with a year up to 36: 2000s), and distinct serials below 4000 give distinct numbers.
 */
export function cprFor(birthDate: IsoDate, serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial >= 4000) throw new RangeError(`cprFor: serial must be 0-3999, got ${serial}`);
  const [year, month, day] = birthDate.split('-');
  const seventh = Math.floor(serial / 1000) + (Number(year) >= 2000 ? 4 : 0);
  return `${day}${month}${year.slice(2)}-${seventh}${String(serial % 1000).padStart(3, '0')}`;
}

/** The first job-centre working day on or after a date (no interviews at weekends or on holidays). */
function workingDayFrom(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

// ---- the plan ----------------------------------------------------------------------------------

interface StaffPlan {
  key: string;
  body: { name: string; role: 'job-consultant' | 'mentor' | 'company-consultant'; teamCode: string; areaCodes: string[]; caseloadCapacity?: number };
}

interface SummonsPlan {
  place: 'local-office' | 'central-job-centre' | 'home-visit';
  areaCode?: string;
  /** The day of the interview. */
  on: IsoDate;
  /** Time of day in Copenhagen (winter time offset; the date is what the rules read). */
  at: string;
}

type FollowUpOutcome = 'phoned' | 'visited' | 'reached-otherwise' | 'not-reached';

interface InterviewPlan {
  summons: SummonsPlan;
  outcome: { outcome: 'held'; heldOn: IsoDate } | { outcome: 'no-show' } | { outcome: 'cancelled'; cancelledBy: 'citizen' | 'job-centre' };
  assessment?: { assessedOn: IsoDate; scores: Scores };
  /** A no-show's follow-up task: completed (how it went, and the day, within its deadline) or left open. */
  followUp?: { outcome: FollowUpOutcome; completedOn: IsoDate } | 'open';
}

interface JobPlanPlan {
  createdOn: IsoDate;
  goals: Array<{ kind: GoalKind; description: string; targetDate: IsoDate }>;
  /** Half a year on: the first goal carried on with a new date, one new goal. */
  revision?: { revisedOn: IsoDate; firstGoalTargetDate: IsoDate; newGoal: { kind: GoalKind; description: string; targetDate: IsoDate } };
}

export type ExitReason = 'job' | 'education' | 'other-self-sufficiency' | 'moved' | 'flex-job' | 'early-retirement' | 'other';

export interface CitizenPlan {
  key: string;
  consultant: number;
  /** The registration's body; `registeredOn` is the day the case starts (the case period opens). */
  registration: {
    cpr: string;
    name: string;
    areaCode: AreaCode;
    benefitType: 'cash-benefit' | 'integration-benefit' | 'education-benefit' | 'sickness-benefit';
    readiness: 'activity-ready' | 'job-ready';
    matchGroup: number;
    step: number;
    interpreterNeeded: boolean;
    registeredOn: IsoDate;
  };
  /** When the consultant took the case: the day it started (for a replacement, the day the place fell free). */
  assignedOn: IsoDate;
  jobPlan?: JobPlanPlan;
  interviews: InterviewPlan[];
  /** The summons for the next interview (no outcome yet; an appointment after `until`); none after an exit. */
  nextSummons?: SummonsPlan;
  /** Leaving on `on` (after every other fact of the citizen); the replacement is registered that day. */
  exit?: { on: IsoDate; reason: ExitReason; replacement: CitizenPlan };
}

export interface TenantPlan {
  staff: StaffPlan[];
  consultants: number;
  citizens: CitizenPlan[];
  expected: Omit<SeedSummary, 'tenant' | 'requests'>;
}

interface PlanOptions {
  consultantsPerTeam: number;
  caseloadSize: number;
  until: IsoDate;
  seed: number;
}

const summonsOn = (dice: Dice, on: IsoDate, areaCode: AreaCode): SummonsPlan => {
  const roll = dice.random();
  const at = dice.pick(['08:30', '09:30', '10:30', '13:00', '14:00']);
  if (roll < 0.65) return { place: 'local-office', areaCode, on, at };
  if (roll < 0.9) return { place: 'central-job-centre', on, at };
  return { place: 'home-visit', on, at };
};

/** The summons command's body. */
const summonsBody = ({ place, areaCode, on, at }: SummonsPlan) => ({
  place,
  ...(areaCode ? { areaCode } : {}),
  scheduledAt: `${on}T${at}:00+01:00`,
});

const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);

/** Every day the plan records something for the citizen (not the next summons: an appointment). */
export function factDates(citizen: CitizenPlan): IsoDate[] {
  const dates: IsoDate[] = [citizen.registration.registeredOn, citizen.assignedOn];
  if (citizen.jobPlan) dates.push(citizen.jobPlan.createdOn, ...(citizen.jobPlan.revision ? [citizen.jobPlan.revision.revisedOn] : []));
  for (const interview of citizen.interviews) {
    dates.push(interview.summons.on);
    if (interview.outcome.outcome === 'held') dates.push(interview.outcome.heldOn);
    if (interview.assessment) dates.push(interview.assessment.assessedOn);
    if (typeof interview.followUp === 'object') dates.push(interview.followUp.completedOn);
  }
  return dates;
}

/** A citizen's case from `startsOn` (registration and assignment) to `until`. */
function planCitizen(dice: Dice, key: string, consultant: number, serial: number, teamAreas: readonly AreaCode[], startsOn: IsoDate, options: PlanOptions): CitizenPlan {
  const areaCode = dice.weighted(teamAreas, (code) => COPENHAGEN_AREAS.find((area) => area.code === code)!.residents);
  const birthDate = `${dice.integer(1962, 2003)}-${String(dice.integer(1, 12)).padStart(2, '0')}-${String(dice.integer(1, 28)).padStart(2, '0')}`;
  const readiness = dice.chance(0.8) ? 'activity-ready' : 'job-ready';
  const registration: CitizenPlan['registration'] = {
    cpr: cprFor(birthDate, serial),
    name: `${dice.pick(FIRST_NAMES)} ${dice.pick(LAST_NAMES)}`,
    areaCode,
    benefitType: dice.chance(0.85) ? 'cash-benefit' : dice.pick(['integration-benefit', 'education-benefit', 'sickness-benefit'] as const),
    readiness,
    // Activity-ready citizens are far from the labour market: match groups 3-4, steps 0-1.
    matchGroup: readiness === 'activity-ready' ? dice.integer(3, 4) : dice.integer(1, 2),
    step: readiness === 'activity-ready' ? dice.integer(0, 1) : dice.integer(1, 3),
    interpreterNeeded: dice.chance(0.3),
    registeredOn: startsOn,
  };
  const citizen: CitizenPlan = { key, consultant, registration, assignedOn: startsOn, interviews: [] };

  const goal = (kind: GoalKind, from: IsoDate) => ({ kind, description: GOALS[kind], targetDate: addCalendarMonths(from, dice.integer(6, 12)) });
  if (dice.chance(JOB_PLAN_SHARE)) {
    const createdOn = workingDayFrom(addDays(startsOn, dice.integer(3, 20)));
    if (compareIsoDates(createdOn, options.until) <= 0) {
      const kinds: GoalKind[] = readiness === 'job-ready' ? ['job', 'education'] : ['company-placement', 'language', 'health', 'social'];
      const plan: JobPlanPlan = { createdOn, goals: [goal(dice.pick(kinds), createdOn)] };
      const revisedOn = workingDayFrom(addCalendarMonths(createdOn, 6));
      if (compareIsoDates(revisedOn, options.until) <= 0) {
        plan.revision = { revisedOn, firstGoalTargetDate: addCalendarMonths(revisedOn, 6), newGoal: goal(dice.pick(['job', 'education', 'company-placement'] as const), revisedOn) };
      }
      citizen.jobPlan = plan;
    }
  }

  // Interviews from one to three weeks after the case began: about every three months; a no-show
  // or a cancellation is summoned again within two weeks. A no-show is followed up within the
  // task's deadline, unless it was in the last fortnight. A progression assessment at each held
  // interview, with scores that drift a little between assessments.
  const scores: Scores = Object.fromEntries(SCORE_FACTORS.map((factor) => [factor, dice.integer(1, 4)])) as Scores;
  let date = workingDayFrom(addDays(startsOn, dice.integer(7, 21)));
  while (compareIsoDates(date, options.until) < 0) {
    const summons = summonsOn(dice, date, areaCode);
    const roll = dice.random();
    if (roll < INTERVIEW_OUTCOME_SHARES.noShow) {
      const followedUp = compareIsoDates(date, addDays(options.until, -OPEN_FOLLOW_UP_DAYS)) < 0;
      const outcome = dice.pick(['phoned', 'phoned', 'visited', 'reached-otherwise', 'not-reached'] as const);
      const completedOn = addWorkingDays(date, dice.integer(0, TENANT_SETTINGS.noShowFollowUpWorkingDays));
      citizen.interviews.push({ summons, outcome: { outcome: 'no-show' }, followUp: followedUp ? { outcome, completedOn } : 'open' });
      date = workingDayFrom(addDays(date, dice.integer(5, 12)));
    } else if (roll < INTERVIEW_OUTCOME_SHARES.noShow + INTERVIEW_OUTCOME_SHARES.cancelled) {
      citizen.interviews.push({ summons, outcome: { outcome: 'cancelled', cancelledBy: dice.chance(0.7) ? 'citizen' : 'job-centre' } });
      date = workingDayFrom(addDays(date, dice.integer(3, 10)));
    } else {
      for (const factor of SCORE_FACTORS) scores[factor] = Math.min(5, Math.max(1, scores[factor] + dice.pick([-1, 0, 0, 0, 1, 1])));
      citizen.interviews.push({ summons, outcome: { outcome: 'held', heldOn: date }, assessment: { assessedOn: date, scores: { ...scores } } });
      // Most interviews are held a little before the three months are up; some are late.
      date = workingDayFrom(addDays(addCalendarMonths(date, 3), -dice.integer(0, 20) + (dice.chance(0.1) ? 25 : 0)));
    }
  }
  citizen.nextSummons = summonsOn(dice, date, areaCode);
  return citizen;
}

/**
 * The citizen leaves on `exitOn`: what the plan had for that day and later does not happen (the
 * interviews from the first one with a fact on or after it, a later job plan or revision, the
 * next summons), so the exit comes after every fact that remains.
 */
function leaveOn(citizen: CitizenPlan, exitOn: IsoDate): void {
  const before = (date: IsoDate) => compareIsoDates(date, exitOn) < 0;
  const kept = citizen.interviews.findIndex(
    (interview) => !before(interview.summons.on) || interview.followUp === 'open' || (interview.followUp !== undefined && !before(interview.followUp.completedOn)),
  );
  if (kept >= 0) citizen.interviews = citizen.interviews.slice(0, kept);
  if (citizen.jobPlan && !before(citizen.jobPlan.createdOn)) delete citizen.jobPlan;
  if (citizen.jobPlan?.revision && !before(citizen.jobPlan.revision.revisedOn)) delete citizen.jobPlan.revision;
  delete citizen.nextSummons;
}

/** The whole tenant, decided from the seed before anything is sent. */
export function planTenant(options: PlanOptions): TenantPlan {
  const { consultantsPerTeam, caseloadSize, until, seed } = options;
  const yearStart = addCalendarMonths(until, -12);
  const staffDice = Dice.of(seed, 0);
  let staffNumber = 0;
  const staffName = () => `${STAFF_NAMES[staffNumber % STAFF_NAMES.length]} ${staffDice.pick(LAST_NAMES)}`;
  const staff: StaffPlan[] = [];
  const consultantTeams: Array<readonly AreaCode[]> = [];
  for (const team of COPENHAGEN_TEAMS) {
    const member = (role: StaffPlan['body']['role'], extra: Partial<StaffPlan['body']> = {}) => {
      const body = { name: staffName(), role, teamCode: team.code, areaCodes: [...team.areas], ...extra };
      staff.push({ key: `staff-${staffNumber++}`, body });
    };
    for (let i = 0; i < consultantsPerTeam; i++) {
      member('job-consultant', caseloadSize > TENANT_SETTINGS.caseloadCapacity ? { caseloadCapacity: caseloadSize } : {});
      consultantTeams.push(team.areas);
    }
    for (let i = 0; i < team.mentors; i++) member('mentor');
    for (let i = 0; i < team.companyConsultants; i++) member('company-consultant');
  }

  const citizens: CitizenPlan[] = [];
  let serial = 0;
  let exits = 0;
  const slots = consultantTeams.length * caseloadSize;
  consultantTeams.forEach((areas, consultant) => {
    for (let i = 0; i < caseloadSize; i++) {
      const index = serial++;
      const dice = Dice.of(seed, 1 + index);
      // The year's caseload began (registered and taken by the consultant) in its first two months.
      const startsOn = workingDayFrom(addDays(yearStart, dice.integer(0, 60)));
      const citizen = planCitizen(dice, `c${index}`, consultant, index, areas, startsOn, options);
      if (dice.chance(EXIT_SHARE)) {
        const reason = dice.pick(['job', 'job', 'job', 'education', 'education', 'other-self-sufficiency', 'moved', 'flex-job', 'early-retirement', 'other'] as const);
        // A working day from a month into the case to three weeks before the end of the year.
        const earliest = addDays(startsOn, 30);
        const exitOn = workingDayFrom(addDays(earliest, dice.integer(0, Math.max(0, daysBetween(earliest, addDays(until, -21))))));
        leaveOn(citizen, exitOn);
        const replacementIndex = slots + exits++;
        const replacement = planCitizen(Dice.of(seed, 1 + replacementIndex), `c${replacementIndex}`, consultant, replacementIndex, areas, exitOn, options);
        citizen.exit = { on: exitOn, reason, replacement };
      }
      citizens.push(citizen);
    }
  });

  const all = citizens.flatMap((citizen) => (citizen.exit ? [citizen, citizen.exit.replacement] : [citizen]));
  const interviews = all.flatMap((citizen) => citizen.interviews);
  const count = (outcome: string) => interviews.filter((interview) => interview.outcome.outcome === outcome).length;
  const noShows = interviews.filter((interview) => interview.followUp !== undefined);
  const jobPlans = all.filter((citizen) => citizen.jobPlan);
  const openSummonses = all.filter((citizen) => citizen.nextSummons).length;
  return {
    staff,
    consultants: consultantTeams.length,
    citizens,
    expected: {
      staff: staff.length,
      consultants: consultantTeams.length,
      citizens: all.length,
      summonses: interviews.length + openSummonses,
      held: count('held'),
      noShows: count('no-show'),
      cancelled: count('cancelled'),
      openSummonses,
      followUpTasks: noShows.length,
      followUpTasksCompleted: noShows.filter((interview) => interview.followUp !== 'open').length,
      jobPlans: jobPlans.length,
      jobPlanRevisions: jobPlans.filter((citizen) => citizen.jobPlan!.revision).length,
      assessments: interviews.filter((interview) => interview.assessment).length,
      exits,
    },
  };
}

// ---- sending it ----------------------------------------------------------------------------------

class SeedRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

class ApiClient {
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly accessToken: string,
    private readonly runKey: string,
  ) {}

  /**
   * A command with an idempotency key derived from the plan (`step`), retried on network errors
   * and 5xx answers: the key makes a retry safe. A GET when `step` is null.
   */
  async send<T>(method: 'GET' | 'POST' | 'PUT', path: string, step: string | null, body?: unknown): Promise<T> {
    this.requests++;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${this.accessToken}`,
            ...(step === null ? {} : { 'idempotency-key': `seed/${this.runKey}/${step}` }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (response.status === 429) {
          // The service's per-user rate limit: wait as long as it says, then send the same request again.
          await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
          attempt--;
          continue;
        }
        if (!response.ok) throw new SeedRequestError(response.status, `${method} ${path} answered ${response.status}: ${text}`);
        return (text ? JSON.parse(text) : undefined) as T;
      } catch (error) {
        const transient = !(error instanceof SeedRequestError) || error.status >= 500;
        if (!transient || attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
}

/** Runs `work` for every item with at most `limit` in flight; the first failure stops the rest. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(workers);
}

const copenhagenToday = (): IsoDate => copenhagenDateOf(new Date());

export async function seedTenant(options: SeedOptions): Promise<SeedSummary> {
  const consultantsPerTeam = options.consultantsPerTeam ?? 5;
  const caseloadSize = options.caseloadSize ?? TENANT_SETTINGS.caseloadCapacity;
  const seed = options.seed ?? 2014;
  const today = copenhagenToday();
  const until = options.until ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || compareIsoDates(until, today) > 0) {
    throw new RangeError(`until must be a date YYYY-MM-DD not after today (${today}), got ${until}`);
  }
  // Each place may be filled twice (an exit and its replacement), and CPR serials go to 3999.
  if (consultantsPerTeam * COPENHAGEN_TEAMS.length * caseloadSize > 2000) {
    throw new RangeError('at most 2,000 caseload places (consultants × caseload size) a tenant');
  }
  const log = options.log ?? (() => undefined);
  const plan = planTenant({ consultantsPerTeam, caseloadSize, until, seed });
  const api = new ApiClient(options.baseUrl.replace(/\/$/, ''), options.accessToken, `${seed}-${consultantsPerTeam}x${caseloadSize}-${until}`);
  const summary: SeedSummary = {
    tenant: options.tenant,
    staff: 0,
    consultants: 0,
    citizens: 0,
    summonses: 0,
    held: 0,
    noShows: 0,
    cancelled: 0,
    openSummonses: 0,
    followUpTasks: 0,
    followUpTasksCompleted: 0,
    jobPlans: 0,
    jobPlanRevisions: 0,
    assessments: 0,
    exits: 0,
    requests: 0,
  };

  await api.send('PUT', '/settings', 'settings', TENANT_SETTINGS);
  const consultantIds: string[] = [];
  for (const member of plan.staff) {
    const { id } = await api.send<{ id: string }>('POST', '/staff', member.key, member.body);
    if (member.body.role === 'job-consultant') consultantIds.push(id);
    summary.staff++;
  }
  summary.consultants = consultantIds.length;
  log(`staff: ${summary.staff} (${summary.consultants} job consultants)`);

  const summon = async (citizenId: string, step: string, summons: SummonsPlan): Promise<{ id: string }> => {
    const interview = await api.send<{ id: string }>('POST', `/citizens/${citizenId}/summons`, step, summonsBody(summons));
    summary.summonses++;
    return interview;
  };

  const sendCitizen = async (citizen: CitizenPlan): Promise<void> => {
    const step = (name: string) => `${citizen.key}/${name}`;
    // registeredOn: the case period opens the day the case starts in the plan.
    const { id } = await api.send<{ id: string }>('POST', '/citizens', step('register'), citizen.registration);
    summary.citizens++;
    await api.send('PUT', `/citizens/${id}/consultant`, step('assign'), { consultantId: consultantIds[citizen.consultant], effectiveDate: citizen.assignedOn });

    if (citizen.jobPlan) {
      const created = await api.send<{ id: string; goals: Array<{ goalId: string }> }>('POST', `/citizens/${id}/job-plans`, step('job-plan'), {
        createdOn: citizen.jobPlan.createdOn,
        goals: citizen.jobPlan.goals,
      });
      summary.jobPlans++;
      const revision = citizen.jobPlan.revision;
      if (revision) {
        const [first] = citizen.jobPlan.goals;
        await api.send('POST', `/job-plans/${created.id}/revisions`, step('job-plan-revision'), {
          revisedOn: revision.revisedOn,
          goals: [{ ...first, goalId: created.goals[0].goalId, targetDate: revision.firstGoalTargetDate }, revision.newGoal],
        });
        summary.jobPlanRevisions++;
      }
    }

    for (const [n, interview] of citizen.interviews.entries()) {
      const summons = await summon(id, step(`summons-${n}`), interview.summons);
      const recorded = await api.send<{ followUpTaskId: string | null }>('POST', `/interviews/${summons.id}/outcome`, step(`outcome-${n}`), interview.outcome);
      if (interview.outcome.outcome === 'held') summary.held++;
      if (interview.outcome.outcome === 'cancelled') summary.cancelled++;
      if (interview.outcome.outcome === 'no-show') {
        summary.noShows++;
        summary.followUpTasks++;
        if (typeof interview.followUp === 'object') {
          // On the planned day where the API allows it: not before the task was created (the day
          // the no-show was recorded, see above). The task's own date keeps the body the same on a rerun.
          const task = await api.send<{ createdOn: IsoDate }>('GET', `/tasks/${recorded.followUpTaskId}`, null);
          const completedOn = compareIsoDates(interview.followUp.completedOn, task.createdOn) >= 0 ? interview.followUp.completedOn : task.createdOn;
          await api.send('POST', `/tasks/${recorded.followUpTaskId}/complete`, step(`follow-up-${n}`), { outcome: interview.followUp.outcome, completedOn });
          summary.followUpTasksCompleted++;
        }
      }
      if (interview.assessment) {
        await api.send('POST', `/citizens/${id}/progression-assessments`, step(`assessment-${n}`), interview.assessment);
        summary.assessments++;
      }
    }

    if (citizen.exit) {
      // On the planned day, after the citizen's last fact; the replacement starts that day.
      await api.send('POST', `/citizens/${id}/exit`, step('exit'), { reason: citizen.exit.reason, exitDate: citizen.exit.on });
      summary.exits++;
      await sendCitizen(citizen.exit.replacement);
    } else if (citizen.nextSummons) {
      await summon(id, step('summons-next'), citizen.nextSummons);
      summary.openSummonses++;
    }
  };

  let done = 0;
  await inParallel(plan.citizens, options.concurrency ?? 8, async (citizen) => {
    await sendCitizen(citizen);
    if (++done % 100 === 0) log(`citizens: ${done} of ${plan.citizens.length} caseload places`);
  });
  summary.requests = api.requests;
  log(
    `citizens: ${summary.citizens}; summonses: ${summary.summonses} (${summary.held} held, ${summary.noShows} no-shows, ${summary.cancelled} cancelled, ${summary.openSummonses} open); exits: ${summary.exits}`,
  );
  return summary;
}
