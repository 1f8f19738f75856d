import { cprBirthDate } from '../citizens/cpr';
import { compareIsoDates } from '../rules';
import { cprFor, INTERVIEW_OUTCOME_SHARES, planTenant } from './tenant-seed';

describe('the tenant seed plan', () => {
  const options = { consultantsPerTeam: 5, caseloadSize: 30, until: '2026-09-30', seed: 2014 };
  const plan = planTenant(options);
  const everyCitizen = plan.citizens.flatMap((citizen) => (citizen.exit ? [citizen, citizen.exit.replacement] : [citizen]));

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

  it('plans no fact after the last day, and none before the case was taken', () => {
    for (const citizen of plan.citizens) {
      const after = (date: string) => compareIsoDates(date, citizen.assignedOn!) >= 0 && compareIsoDates(date, options.until) <= 0;
      for (const interview of citizen.interviews) {
        expect(after(interview.summons.on!)).toBe(true);
        if (interview.outcome.outcome === 'held') expect(interview.outcome.heldOn).toBe(interview.summons.on);
      }
      if (citizen.jobPlan) {
        expect(after(citizen.jobPlan.createdOn)).toBe(true);
        if (citizen.jobPlan.revision) expect(after(citizen.jobPlan.revision.revisedOn)).toBe(true);
      }
    }
  });
});
