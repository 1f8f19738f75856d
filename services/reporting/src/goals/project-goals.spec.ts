import { FACT_CATALOG } from '../read-models/projections';
import { checkGoal, GoalDocument } from './goal-definition';
import { isProjectGoalId, projectGoalDocument } from './project-goals';

const cohortGoal = {
  goalCode: 'company-placement-26-weeks',
  kind: 'cohort' as const,
  outcome: 'company-placement' as const,
  placementTypes: ['company-internship' as const, 'wage-subsidy-job' as const],
  exitReasons: [],
  windowWeeks: 26,
  targetPercent: 70,
  direction: 'at-least' as const,
};

describe("a project's goals as goal definitions", () => {
  it('turns a cohort goal of the projects service into a computable cohort goal over the project’s participants', () => {
    const document = projectGoalDocument('vf-2016', cohortGoal, { from: '2016-05-01', to: '2017-04-30' });
    expect(document).toEqual({
      id: 'vf-2016.company-placement-26-weeks',
      name: {
        da: 'vf-2016: andel der er i gang med eller har været i virksomhedsplacering inden for 26 uger',
        en: 'vf-2016: share in or having been in a company placement within 26 weeks',
      },
      scope: { project: 'vf-2016' },
      period: { type: 'range', from: '2016-05-01', to: '2017-04-30' },
      kind: 'cohort',
      target: { value: 0.7 },
      direction: 'at-least',
      definition: {
        start: { fact: 'project-participant-enrolled' },
        reach: { anyOf: [{ fact: 'placement-started', where: { placementType: ['company-internship', 'wage-subsidy-job'] }, endedBy: { fact: 'placement-ended' } }] },
        withinWeeks: 26,
      },
    });
    expect(checkGoal(document, FACT_CATALOG)).toEqual({
      ok: true,
      definition: {
        kind: 'cohort',
        start: { facts: ['project-participant-enrolled'], where: [] },
        reach: [
          {
            facts: ['placement-started'],
            where: [{ attribute: 'placementType', values: ['company-internship', 'wage-subsidy-job'] }],
            endedBy: { facts: ['placement-ended'], where: [] },
          },
        ],
        withinWeeks: 26,
        population: null,
      },
    });
  });

  it('reaches job or education by a job placement or an exit for one of the reasons', () => {
    const document = projectGoalDocument(
      'vf-2016',
      { ...cohortGoal, goalCode: 'job-or-education-52-weeks', outcome: 'job-or-education', placementTypes: ['ordinary-job', 'part-time-job', 'flex-job'], exitReasons: ['job', 'education', 'flex-job'], windowWeeks: 52, targetPercent: 5 },
      { from: '2016-05-01', to: '2017-04-30' },
    );
    expect(document).toMatchObject({ id: 'vf-2016.job-or-education-52-weeks', target: { value: 0.05 } });
    const checked = checkGoal(document, FACT_CATALOG);
    expect(checked.ok && checked.definition).toMatchObject({
      kind: 'cohort',
      withinWeeks: 52,
      reach: [
        { facts: ['placement-started'], endedBy: { facts: ['placement-ended'] } },
        { facts: ['citizen-exited'], where: [{ attribute: 'reason', values: ['job', 'education', 'flex-job'] }], endedBy: null },
      ],
    });
  });

  it('names project goals with a dot, which a tenant’s own goal ids cannot hold', () => {
    expect(isProjectGoalId('vf-2016.company-placement-26-weeks')).toBe(true);
    expect(isProjectGoalId('jp2007-jobplaner')).toBe(false);
  });
});

describe('the checker on project scopes and cohort reach', () => {
  const goal = (overrides: Partial<GoalDocument>): GoalDocument => ({
    id: 'g',
    name: { da: 'Mål', en: 'Goal' },
    scope: { project: 'stafetten-2007' },
    period: { type: 'range', from: '2007-09-01', to: '2008-12-31' },
    kind: 'count',
    target: { value: 25 },
    definition: { events: { fact: 'project-participant-enrolled', where: { replacement: false } } },
    ...overrides,
  });
  const problemsOf = (document: GoalDocument) => {
    const checked = checkGoal(document, FACT_CATALOG);
    return checked.ok ? [] : checked.problems.map(({ field, code }) => `${field}: ${code}`);
  };

  it('accepts a project scope for every kind, with the projects topic’s facts and attributes', () => {
    expect(problemsOf(goal({}))).toEqual([]);
    expect(
      problemsOf(
        goal({
          kind: 'share',
          target: { value: 0.8 },
          definition: {
            numeratorEvents: { fact: 'project-milestone-reached', where: { milestoneCode: 'hygiene-certificate-exam', result: 'passed' } },
            denominatorEvents: { fact: 'project-milestone-reached', where: { milestoneCode: 'hygiene-certificate-exam' } },
          },
        }),
      ),
    ).toEqual([]);
    expect(problemsOf(goal({ kind: 'share', target: { value: 0.9 }, definition: { population: {}, numerator: { not: { fact: 'project-participant-left', within: 'period' } } } }))).toEqual([]);
    expect(problemsOf(goal({ kind: 'cohort', target: { value: 0.7 }, definition: { reach: { fact: 'placement-started' }, withinWeeks: 26 } }))).toEqual([]);
    expect(problemsOf(goal({ kind: 'milestone', scope: { project: 'stafetten-2007', areas: ['tingbjerg'] }, target: undefined, definition: { events: { fact: 'project-information-meeting-held' } } }))).toEqual([]);
    expect(problemsOf(goal({ target: { relativeTo: { scope: { project: 'other-project' } } } }))).toEqual([]);
  });

  it('refuses what the projects topic does not record, and a misspelt reach', () => {
    expect(problemsOf(goal({ definition: { events: { fact: 'project-participant-left', where: { reason: 'bored' } } } }))).toEqual(['definition.events.where.reason: unknown']);
    expect(problemsOf(goal({ kind: 'cohort', target: { value: 0.7 }, definition: { reach: { anyOf: [] }, withinWeeks: 26 } }))).toEqual(['definition.reach.anyOf: invalid']);
    expect(problemsOf(goal({ kind: 'cohort', target: { value: 0.7 }, definition: { reach: { fact: 'placement-started', endedBy: { fact: 'placement-stopped' } }, withinWeeks: 26 } }))).toEqual([
      'definition.reach.endedBy.fact: unknown',
    ]);
    expect(problemsOf(goal({ kind: 'cohort', target: { value: 0.7 }, definition: { reach: { fact: 'placement-started', until: 'x' }, withinWeeks: 26 } }))).toEqual(['definition.reach.until: unknown']);
    // Information meetings are about an area, not a citizen: no team, and no citizen to reach them.
    expect(problemsOf(goal({ kind: 'cohort', target: { value: 0.7 }, definition: { reach: { fact: 'project-information-meeting-held' }, withinWeeks: 26 } }))).toEqual([
      'definition.reach.fact: cannot-compute',
    ]);
  });
});
