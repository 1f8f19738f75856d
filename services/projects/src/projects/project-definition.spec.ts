import { definitionProblems, OPEN_ELIGIBILITY, OUTCOME_DEFAULTS, ProjectDefinition } from './project-definition';

describe('project definition rules', () => {
  const sound: ProjectDefinition = {
    startDate: '2007-11-01',
    endDate: '2008-12-31',
    eligibility: { ...OPEN_ELIGIBILITY, minAge: 18, maxAge: 55 },
    phases: [
      { code: 'intro', name: 'Intro', plannedWeeks: 4, completedBy: 'duration', completionMilestoneCode: null },
      { code: 'work', name: 'Work', plannedWeeks: null, completedBy: 'milestone', completionMilestoneCode: 'hired' },
    ],
    milestones: [
      { code: 'exam', name: 'Exam', kind: 'exam', phaseCode: 'work' },
      { code: 'hired', name: 'Hired', kind: 'hired', phaseCode: null },
    ],
    goals: [
      {
        code: 'placement-26',
        nameDa: 'Placering',
        nameEn: 'Placement',
        outcome: 'company-placement',
        ...OUTCOME_DEFAULTS['company-placement'],
        windowWeeks: 26,
        targetPercent: 70,
        direction: 'at-least',
      },
    ],
  };
  const fields = (definition: ProjectDefinition) => definitionProblems(definition).map((problem) => `${problem.field}:${problem.code}`);

  it('finds nothing wrong with a sound definition', () => {
    expect(definitionProblems(sound)).toEqual([]);
  });

  it('names the end before the start and a maximum age below the minimum', () => {
    expect(fields({ ...sound, endDate: '2007-10-31', eligibility: { ...sound.eligibility, minAge: 30, maxAge: 29 } })).toEqual([
      'endDate:dateOrder',
      'eligibility.maxAge:ageOrder',
    ]);
  });

  it('names duplicate phase, milestone and goal codes at the repeated entry', () => {
    expect(
      fields({
        ...sound,
        phases: [...sound.phases, { ...sound.phases[0] }],
        milestones: [...sound.milestones, { ...sound.milestones[1], phaseCode: null }],
        goals: [...sound.goals, { ...sound.goals[0] }],
      }),
    ).toEqual(['phases.2.code:duplicate', 'milestones.2.code:duplicate', 'goals.1.code:duplicate']);
  });

  it('requires the completing milestone for a phase completed by a milestone, and refuses it for others', () => {
    expect(
      fields({
        ...sound,
        phases: [
          { ...sound.phases[0], completionMilestoneCode: 'exam' },
          { ...sound.phases[1], completionMilestoneCode: null },
          { code: 'after', name: 'After', plannedWeeks: null, completedBy: 'milestone', completionMilestoneCode: 'no-such-milestone' },
        ],
      }),
    ).toEqual(['phases.0.completionMilestoneCode:onlyForMilestone', 'phases.1.completionMilestoneCode:requiredForMilestone', 'phases.2.completionMilestoneCode:unknownMilestone']);
  });

  it('refuses a milestone in a phase the project lacks and a goal with nothing that counts', () => {
    expect(
      fields({
        ...sound,
        milestones: [sound.milestones[1], { ...sound.milestones[0], phaseCode: 'elsewhere' }],
        goals: [{ ...sound.goals[0], placementTypes: [], exitReasons: [] }],
      }),
    ).toEqual(['milestones.1.phaseCode:unknownPhase', 'goals.0.placementTypes:nothingCounts']);
  });
});
