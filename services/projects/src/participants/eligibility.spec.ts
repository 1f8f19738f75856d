import { OPEN_ELIGIBILITY } from '../projects/project-definition';
import { CitizenFacts, eligibilityRefusals, intakeRefusals } from './eligibility';

describe('eligibility', () => {
  const citizen: CitizenFacts = {
    birthDate: '1970-12-01',
    areaCode: 'tingbjerg',
    benefitType: 'cash-benefit',
    readiness: 'activity-ready',
    matchGroup: 3,
    step: 1,
    interpreterNeeded: false,
    active: true,
  };
  const codes = (refusals: Array<{ field: string; code: string }>) => refusals.map((refusal) => `${refusal.field}:${refusal.code}`);

  it('takes anyone with an open case when the project names no criteria', () => {
    expect(eligibilityRefusals(OPEN_ELIGIBILITY, citizen, '2007-11-01')).toEqual([]);
  });

  it('counts age in whole years on the enrolment date: the birthday completes a year', () => {
    const thirty = { ...OPEN_ELIGIBILITY, minAge: 37, maxAge: 37 };
    expect(codes(eligibilityRefusals(thirty, citizen, '2007-11-30'))).toEqual(['eligibility.minAge:tooYoung']);
    expect(eligibilityRefusals(thirty, citizen, '2007-12-01')).toEqual([]);
    expect(codes(eligibilityRefusals(thirty, citizen, '2008-12-01'))).toEqual(['eligibility.maxAge:tooOld']);
    expect(eligibilityRefusals(thirty, citizen, '2007-11-30')[0].message).toBe('is 36 on 2007-11-30; the project takes from 37');
  });

  it('names every criterion the citizen fails, with the figures', () => {
    const strict = {
      ...OPEN_ELIGIBILITY,
      benefitTypes: ['education-benefit' as const],
      readiness: ['job-ready' as const],
      areaCodes: ['urbanplanen', 'akacieparken'],
      matchGroups: [4],
      steps: [3, 4],
      languageRequirement: 'without-interpreter' as const,
    };
    const refusals = eligibilityRefusals(strict, { ...citizen, interpreterNeeded: true }, '2007-11-01');
    expect(codes(refusals)).toEqual([
      'eligibility.benefitTypes:benefitType',
      'eligibility.readiness:readiness',
      'eligibility.areaCodes:area',
      'eligibility.matchGroups:matchGroup',
      'eligibility.steps:step',
      'eligibility.languageRequirement:interpreterNeeded',
    ]);
    expect(refusals[2].message).toBe('lives in tingbjerg; the project takes urbanplanen, akacieparken');
  });

  it('an unassessed match group or step fails a criterion that names some, and passes one that names none', () => {
    const unassessed = { ...citizen, matchGroup: null, step: null };
    expect(codes(eligibilityRefusals({ ...OPEN_ELIGIBILITY, matchGroups: [3, 4], steps: [0] }, unassessed, '2007-11-01'))).toEqual([
      'eligibility.matchGroups:matchGroupNotAssessed',
      'eligibility.steps:stepNotAssessed',
    ]);
    expect(eligibilityRefusals(OPEN_ELIGIBILITY, unassessed, '2007-11-01')).toEqual([]);
  });

  it('gender is recorded but never refuses: caseload publishes none', () => {
    expect(eligibilityRefusals({ ...OPEN_ELIGIBILITY, genders: ['female'] }, citizen, '2007-11-01')).toEqual([]);
  });

  it('refuses a citizen unknown to the read model, and one whose case is closed', () => {
    expect(codes(eligibilityRefusals(OPEN_ELIGIBILITY, null, '2007-11-01'))).toEqual(['citizenId:citizenUnknown']);
    expect(codes(eligibilityRefusals(OPEN_ELIGIBILITY, { ...citizen, active: false }, '2007-11-01'))).toEqual(['citizenId:caseClosed']);
  });

  it('the intake: within the project’s period and its places', () => {
    const project = { startDate: '2007-11-01', endDate: '2008-12-31', capacity: 25, eligibility: OPEN_ELIGIBILITY };
    expect(intakeRefusals(project, 24, '2007-11-01')).toEqual([]);
    expect(codes(intakeRefusals(project, 25, '2007-11-01'))).toEqual(['capacity:capacityReached']);
    expect(codes(intakeRefusals(project, 0, '2007-10-31'))).toEqual(['startDate:beforeProjectStart']);
    expect(codes(intakeRefusals(project, 0, '2009-01-01'))).toEqual(['endDate:projectEnded']);
    expect(intakeRefusals({ ...project, capacity: null, endDate: null }, 1000, '2030-01-01')).toEqual([]);
  });
});
