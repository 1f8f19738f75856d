import {
  decideLeave,
  decideMilestone,
  decidePhaseCompletion,
  decidePhaseStart,
  decideReplacement,
  milestoneInputProblems,
  ParticipantState,
  phaseCompletedByMilestone,
  phaseInProgress,
  PhaseStep,
} from './progress';

describe('participant progress rules', () => {
  const steps: PhaseStep[] = [
    { code: 'introduction', position: 1, completedBy: 'duration', completionMilestoneCode: null },
    { code: 'integration-position', position: 2, completedBy: 'milestone', completionMilestoneCode: 'permanent-employment' },
    { code: 'permanent-position', position: 3, completedBy: 'decision', completionMilestoneCode: null },
  ];
  const enrolled: ParticipantState = { status: 'active', enrolledOn: '2007-12-01', leftOn: null, phases: [] };
  const inIntro: ParticipantState = { ...enrolled, phases: [{ phaseCode: 'introduction', startedOn: '2007-12-01', completedOn: null, interruptedOn: null }] };
  const introDone: ParticipantState = { ...enrolled, phases: [{ phaseCode: 'introduction', startedOn: '2007-12-01', completedOn: '2007-12-31', interruptedOn: null }] };
  const left: ParticipantState = { ...inIntro, status: 'left', leftOn: '2007-12-10', phases: [{ ...inIntro.phases[0], interruptedOn: '2007-12-10' }] };
  const code = (refusal: { code: string } | null) => refusal?.code ?? null;

  it('starts phases in order, one at a time, not before the enrolment or the last completion', () => {
    expect(decidePhaseStart(enrolled, steps, 'introduction', '2007-12-01')).toBeNull();
    expect(code(decidePhaseStart(enrolled, steps, 'introduction', '2007-11-30'))).toBe('date-before-enrolment');
    expect(code(decidePhaseStart(inIntro, steps, 'integration-position', '2008-01-01'))).toBe('phase-in-progress');
    expect(code(decidePhaseStart(inIntro, steps, 'introduction', '2008-01-01'))).toBe('phase-already-started');
    expect(decidePhaseStart(introDone, steps, 'integration-position', '2008-01-01')).toBeNull();
    expect(code(decidePhaseStart(introDone, steps, 'integration-position', '2007-12-30'))).toBe('date-before-previous-phase');
    const atWork: ParticipantState = { ...enrolled, phases: [{ phaseCode: 'integration-position', startedOn: '2008-01-01', completedOn: '2008-03-01', interruptedOn: null }] };
    expect(code(decidePhaseStart(atWork, steps, 'introduction', '2008-03-02'))).toBe('phase-order');
    // Skipping ahead is allowed (a replacement steps into a running phase).
    expect(decidePhaseStart(enrolled, steps, 'integration-position', '2008-02-01')).toBeNull();
    expect(code(decidePhaseStart(left, steps, 'integration-position', '2008-01-01'))).toBe('participant-left');
  });

  it('completes a started phase once, not before its start', () => {
    expect(decidePhaseCompletion(inIntro, 'introduction', '2007-12-31')).toBeNull();
    expect(code(decidePhaseCompletion(inIntro, 'introduction', '2007-11-30'))).toBe('date-before-phase-start');
    expect(code(decidePhaseCompletion(inIntro, 'integration-position', '2008-01-31'))).toBe('phase-not-started');
    expect(code(decidePhaseCompletion(introDone, 'introduction', '2008-01-01'))).toBe('phase-already-completed');
    expect(code(decidePhaseCompletion(left, 'introduction', '2008-01-01'))).toBe('participant-left');
    expect(phaseInProgress(introDone.phases)).toBeNull();
    expect(phaseInProgress(inIntro.phases)?.phaseCode).toBe('introduction');
  });

  it('records a milestone once, but an exam failed may be sat again', () => {
    expect(decideMilestone(inIntro, 'hygiene-exam', [], '2008-02-01')).toBeNull();
    expect(code(decideMilestone(inIntro, 'hygiene-exam', [{ milestoneCode: 'hygiene-exam', result: 'passed' }], '2008-03-01'))).toBe('milestone-already-reached');
    expect(decideMilestone(inIntro, 'hygiene-exam', [{ milestoneCode: 'hygiene-exam', result: 'failed' }], '2008-03-01')).toBeNull();
    expect(code(decideMilestone(inIntro, 'hygiene-exam', [], '2007-11-01'))).toBe('date-before-enrolment');
    expect(code(decideMilestone(left, 'hygiene-exam', [], '2008-01-01'))).toBe('participant-left');
  });

  it('an exam needs its result; only hires and placements name a placement', () => {
    expect(milestoneInputProblems('exam', {}).map((p) => `${p.field}:${p.code}`)).toEqual(['result:requiredForExam']);
    expect(milestoneInputProblems('certificate', { result: 'passed', placementId: 'x' }).map((p) => `${p.field}:${p.code}`)).toEqual([
      'result:onlyForExam',
      'placementId:onlyForHireOrPlacement',
    ]);
    expect(milestoneInputProblems('hired', { placementId: 'x' })).toEqual([]);
    expect(milestoneInputProblems('exam', { result: 'failed' })).toEqual([]);
  });

  it('the milestone that ends the phase in progress completes it; a failed sitting or another milestone does not', () => {
    const atWork = { phaseCode: 'integration-position', startedOn: '2008-01-01', completedOn: null, interruptedOn: null };
    expect(phaseCompletedByMilestone(steps, atWork, 'permanent-employment', null, '2008-06-01')).toBe(atWork);
    expect(phaseCompletedByMilestone(steps, atWork, 'hygiene-exam', 'passed', '2008-03-01')).toBeNull();
    expect(phaseCompletedByMilestone(steps, atWork, 'permanent-employment', 'failed', '2008-06-01')).toBeNull();
    expect(phaseCompletedByMilestone(steps, inIntro.phases[0], 'permanent-employment', null, '2008-06-01')).toBeNull();
    expect(phaseCompletedByMilestone(steps, null, 'permanent-employment', null, '2008-06-01')).toBeNull();
  });

  it('leaves once, not before the enrolment or the phase in progress; replaces a leaver once, on or after the leaving', () => {
    expect(decideLeave(inIntro, '2007-12-10')).toBeNull();
    expect(code(decideLeave(inIntro, '2007-11-10'))).toBe('date-before-enrolment');
    expect(code(decideLeave(left, '2007-12-20'))).toBe('participant-left');
    expect(decideReplacement(left, null, '2007-12-10')).toBeNull();
    expect(code(decideReplacement(left, null, '2007-12-09'))).toBe('date-before-leaving');
    expect(code(decideReplacement(left, 'other', '2007-12-11'))).toBe('already-replaced');
    expect(code(decideReplacement(inIntro, null, '2007-12-11'))).toBe('participant-not-left');
  });
});
