import { cprBirthDate } from '../citizens/cpr';
import { addWorkingDays, compareIsoDates, isWorkingDay } from '../rules';
import { CitizenPlan, cprFor, factDates, INTERVIEW_OUTCOME_SHARES, planTenant, TENANT_SETTINGS } from './tenant-seed';

describe('the tenant seed plan', () => {
  const options = { consultantsPerTeam: 5, caseloadSize: 30, until: '2026-09-30', seed: 2014 };
  const plan = planTenant(options);
  const everyCitizen = plan.citizens.flatMap((citizen) => (citizen.exit ? [citizen, citizen.exit.replacement] : [citizen]));
  const leavers = plan.citizens.filter((citizen) => citizen.exit);
  const replacements = leavers.map((citizen) => citizen.exit!.replacement);
  const yearStart = '2025-09-30';
  const firstSummons = (citizen: CitizenPlan) => citizen.interviews[0]?.summons.on ?? citizen.nextSummons?.on;
  const last = (dates: string[]) => [...dates].sort(compareIsoDates).at(-1)!;

  it('is the same plan for the same options, and another for another seed', () => {
    expect(planTenant(options)).toEqual(plan);
    expect(planTenant({ ...options, seed: 2015 }).citizens[0].registration).not.toEqual(plan.citizens[0].registration);
  });

  it('fills 15 consultants’ caseloads of 30 and has the brief’s support staff', () => {
    expect(plan.consultants).toBe(15);
    expect(plan.citizens).toHaveLength(450);
    expect(plan.staff.filter((member) => member.body.role === 'mentor')).toHaveLength(4);
    expect(plan.staff.filter((member) => member.body.role === 'company-consultant')).toHaveLength(2);
    for (let consultant = 0; consultant < 15; consultant++) {
      expect(plan.citizens.filter((citizen) => citizen.consultant === consultant)).toHaveLength(30);
    }
    expect(plan.expected).toMatchObject({ citizens: 450 + leavers.length, exits: leavers.length, openSummonses: 450 });
  });

  it('has roughly the outreach team’s 2014 shares of no-shows (7 %) and cancellations (6 %)', () => {
    const { held, noShows, cancelled } = plan.expected;
    const recorded = held + noShows + cancelled;
    expect(Math.abs(noShows / recorded - INTERVIEW_OUTCOME_SHARES.noShow)).toBeLessThan(0.015);
    expect(Math.abs(cancelled / recorded - INTERVIEW_OUTCOME_SHARES.cancelled)).toBeLessThan(0.015);
  });

  it('gives every citizen a distinct, valid CPR number for their birth date', () => {
    const cprs = everyCitizen.map((citizen) => citizen.registration.cpr);
    expect(new Set(cprs).size).toBe(cprs.length);
    expect(cprs.every((cpr) => cprBirthDate(cpr) !== null)).toBe(true);
    expect(cprBirthDate(cprFor('2003-02-28', 3999))).toBe('2003-02-28');
    expect(cprBirthDate(cprFor('1962-12-01', 0))).toBe('1962-12-01');
  });

  it('opens every case period (registeredOn) within the year, on the day of the assignment and before every other fact', () => {
    for (const citizen of everyCitizen) {
      const { registeredOn } = citizen.registration;
      expect(compareIsoDates(registeredOn, yearStart)).toBeGreaterThanOrEqual(0);
      expect(compareIsoDates(registeredOn, options.until)).toBeLessThanOrEqual(0);
      expect(citizen.assignedOn).toBe(registeredOn);
      expect(compareIsoDates(registeredOn, firstSummons(citizen)!)).toBeLessThan(0);
      for (const date of factDates(citizen)) expect(compareIsoDates(date, registeredOn)).toBeGreaterThanOrEqual(0);
    }
    // The original caseload began in the first two months of the year.
    for (const citizen of plan.citizens) expect(compareIsoDates(citizen.registration.registeredOn, '2025-12-05')).toBeLessThanOrEqual(0);
  });

  it('plans no fact after the last day; only the next summons (an appointment) comes after it', () => {
    for (const citizen of everyCitizen) {
      for (const date of factDates(citizen)) expect(compareIsoDates(date, options.until)).toBeLessThanOrEqual(0);
      for (const interview of citizen.interviews) {
        if (interview.outcome.outcome === 'held') expect(interview.outcome.heldOn).toBe(interview.summons.on);
        if (interview.assessment) expect(interview.assessment.assessedOn).toBe(interview.summons.on);
      }
      if (citizen.nextSummons) expect(compareIsoDates(citizen.nextSummons.on, options.until)).toBeGreaterThanOrEqual(0);
    }
  });

  it('follows up each no-show within the task’s deadline and before the next summons, unless it was in the last fortnight', () => {
    let open = 0;
    for (const citizen of everyCitizen) {
      for (const [n, interview] of citizen.interviews.entries()) {
        if (interview.outcome.outcome !== 'no-show') {
          expect(interview.followUp).toBeUndefined();
        } else if (interview.followUp === 'open') {
          open++;
          expect(compareIsoDates(interview.summons.on, '2026-09-16')).toBeGreaterThanOrEqual(0);
        } else {
          const { completedOn } = interview.followUp!;
          expect(compareIsoDates(completedOn, interview.summons.on)).toBeGreaterThanOrEqual(0);
          expect(compareIsoDates(completedOn, addWorkingDays(interview.summons.on, TENANT_SETTINGS.noShowFollowUpWorkingDays))).toBeLessThanOrEqual(0);
          const next = citizen.interviews[n + 1]?.summons.on ?? citizen.nextSummons?.on;
          if (next) expect(compareIsoDates(completedOn, next)).toBeLessThan(0);
        }
      }
    }
    expect(open).toBe(plan.expected.followUpTasks - plan.expected.followUpTasksCompleted);
    expect(open).toBeGreaterThan(0);
  });

  it('dates each exit on a working day in the year, after every fact of the citizen who leaves, and registers the replacement that day', () => {
    expect(leavers.length).toBeGreaterThan(30);
    for (const citizen of leavers) {
      const exit = citizen.exit!;
      expect(isWorkingDay(exit.on)).toBe(true);
      expect(compareIsoDates(exit.on, options.until)).toBeLessThan(0);
      expect(compareIsoDates(exit.on, citizen.registration.registeredOn)).toBeGreaterThan(0);
      expect(compareIsoDates(exit.on, citizen.assignedOn)).toBeGreaterThan(0);
      expect(compareIsoDates(exit.on, last(factDates(citizen)))).toBeGreaterThan(0);
      expect(citizen.nextSummons).toBeUndefined();
      expect(citizen.interviews.some((interview) => interview.followUp === 'open')).toBe(false);
      expect(exit.replacement.consultant).toBe(citizen.consultant);
      expect(exit.replacement.registration.registeredOn).toBe(exit.on);
      expect(exit.replacement.exit).toBeUndefined();
    }
    // Spread over the year, not all at its end.
    const months = new Set(leavers.map((citizen) => citizen.exit!.on.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(8);
  });

  it('gives each replacement its own case from its first day to the end of the year', () => {
    for (const replacement of replacements) {
      expect(replacement.nextSummons).toBeDefined();
      // Interviews every three months or so until the end: the last one within about three months of it.
      const lastSummons = replacement.interviews.at(-1)?.summons.on ?? replacement.registration.registeredOn;
      expect(compareIsoDates(lastSummons, '2026-06-01')).toBeGreaterThanOrEqual(0);
    }
    expect(replacements.filter((replacement) => replacement.interviews.some((interview) => interview.outcome.outcome === 'held')).length).toBeGreaterThan(replacements.length / 2);
    expect(replacements.filter((replacement) => replacement.jobPlan).length).toBeGreaterThan(replacements.length / 2);
  });
});
