import { randomUUID } from 'node:crypto';
import { CitizenAreaChanged, CitizenAssigned, CitizenExited, CitizenReentered, CitizenRegistered, ExitReason, ProgressionAssessed } from '@fremskudt/contracts';
import { PlayedEvent } from './reporting-testbed';

const event = (contract: PlayedEvent['contract'], payload: unknown): PlayedEvent => ({ contract, payload, id: randomUUID() });

/** Five scores that caseload's rule puts in the group (first rule that applies: G, F, E, D, then A/B/C by the 3s). */
export const SCORES_OF_GROUP: Record<string, [number, number, number, number, number]> = {
  A: [4, 4, 5, 4, 4],
  B: [3, 4, 4, 5, 4],
  C: [3, 3, 3, 4, 4],
  D: [2, 4, 4, 4, 4],
  E: [2, 2, 4, 4, 4],
  F: [2, 2, 2, 2, 4],
  G: [4, 4, 4, 4, 1],
};
export const GOOD = ['A', 'B', 'C', 'D'];
export const POOR = ['E', 'F', 'G'];

/** One citizen's events as caseload publishes them, for the progression suites. */
export class ProgressionStory {
  readonly citizenId = randomUUID();
  readonly events: PlayedEvent[] = [];
  private periodId = randomUUID();

  constructor(
    private areaCode: string,
    registeredOn: string,
  ) {
    this.events.push(
      event(CitizenRegistered, {
        citizenId: this.citizenId,
        periodId: this.periodId,
        periodOpenedOn: registeredOn,
        birthDate: '1980-04-01',
        areaCode,
        benefitType: 'cash-benefit',
        readiness: 'activity-ready',
        matchGroup: null,
        step: null,
        interpreterNeeded: false,
        registeredAt: `${registeredOn}T09:00:00Z`,
      }),
    );
  }

  assigned(teamCode: string, effectiveDate: string): this {
    this.events.push(event(CitizenAssigned, { citizenId: this.citizenId, consultantId: randomUUID(), teamCode, effectiveDate, overCapacity: false }));
    return this;
  }

  assessed(assessedOn: string, group: string): this {
    const [professionalSkills, jobOrEducationFocus, personalAndSocialCompetences, socialConditions, health] = SCORES_OF_GROUP[group];
    this.events.push(
      event(ProgressionAssessed, {
        citizenId: this.citizenId,
        assessmentId: randomUUID(),
        assessedOn,
        scores: { professionalSkills, jobOrEducationFocus, personalAndSocialCompetences, socialConditions, health },
        group,
        outlook: GOOD.includes(group) ? 'good' : 'poor',
      }),
    );
    return this;
  }

  exited(reason: ExitReason, exitDate: string): this {
    this.events.push(event(CitizenExited, { citizenId: this.citizenId, periodId: this.periodId, reason, exitDate, positive: reason === 'job' || reason === 'education' }));
    return this;
  }

  reentered(reentryDate: string): this {
    const previousPeriodId = this.periodId;
    this.periodId = randomUUID();
    this.events.push(
      event(CitizenReentered, {
        citizenId: this.citizenId,
        periodId: this.periodId,
        previousPeriodId,
        reentryDate,
        areaCode: this.areaCode,
        benefitType: 'cash-benefit',
        readiness: 'activity-ready',
      }),
    );
    return this;
  }

  moved(to: string, effectiveDate: string): this {
    this.events.push(event(CitizenAreaChanged, { citizenId: this.citizenId, from: this.areaCode, to, effectiveDate }));
    this.areaCode = to;
    return this;
  }
}

type Counts = Record<'good' | 'poor' | 'jobOrEducation' | 'other', number>;
export type Transitions = Record<'good' | 'poor', Counts>;

/** The brief's 2014 transition counts (domain.md §5), per scope and starting group. */
export const TRANSITIONS_2014: Record<'outreach' | 'ordinary', Transitions> = {
  outreach: { good: { good: 287, poor: 51, jobOrEducation: 22, other: 74 }, poor: { good: 67, poor: 416, jobOrEducation: 13, other: 91 } },
  ordinary: { good: { good: 1305, poor: 365, jobOrEducation: 132, other: 487 }, poor: { good: 359, poor: 1839, jobOrEducation: 57, other: 408 } },
};

export type Start = keyof Transitions;
export type Outcome = keyof Counts;

/** One citizen of the fixture: where they live, their January group, and where they are in December. */
export interface PlannedCitizen {
  index: number;
  start: Start;
  outcome: Outcome;
  startGroup: string;
  /** The December group (good/poor outcomes) */
  endGroup: string | null;
  exitReason: ExitReason | null;
  exitDate: string | null;
}

const OTHER_EXITS: ExitReason[] = ['other-self-sufficiency', 'moved', 'early-retirement', 'flex-job', 'other'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The citizens behind one scope's table, person by person: the January groups go round A-D
 * (or E-G), the December groups round the outcome's, the exits round the reasons and months.
 */
export function plannedCitizens(transitions: Transitions): PlannedCitizen[] {
  const planned: PlannedCitizen[] = [];
  for (const start of ['good', 'poor'] as const) {
    for (const outcome of ['good', 'poor', 'jobOrEducation', 'other'] as const) {
      for (let n = 0; n < transitions[start][outcome]; n++) {
        const index = planned.length;
        const startGroups = start === 'good' ? GOOD : POOR;
        const exits = outcome === 'jobOrEducation' ? (['job', 'education'] as ExitReason[]) : outcome === 'other' ? OTHER_EXITS : null;
        planned.push({
          index,
          start,
          outcome,
          startGroup: startGroups[index % startGroups.length],
          endGroup: outcome === 'good' ? GOOD[(index + 1) % 4] : outcome === 'poor' ? POOR[(index + 1) % 3] : null,
          exitReason: exits ? exits[index % exits.length] : null,
          // Between February and November 2014.
          exitDate: exits ? `2014-${pad(2 + (index % 10))}-${pad(1 + (index % 27))}` : null,
        });
      }
    }
  }
  return planned;
}
