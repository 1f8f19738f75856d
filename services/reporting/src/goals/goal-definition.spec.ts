import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FACT_CATALOG } from '../read-models/projections';
import { checkGoal, GoalDocument } from './goal-definition';

const goal = (overrides: Partial<GoalDocument>): GoalDocument => ({
  id: 'test-goal',
  name: { da: 'Mål', en: 'Goal' },
  scope: {},
  period: { type: 'year', year: 2007 },
  kind: 'share',
  target: { value: 0.9 },
  definition: { population: {}, numerator: { currentJobPlan: true } },
  ...overrides,
});

const problemsOf = (document: GoalDocument) => {
  const checked = checkGoal(document, FACT_CATALOG);
  return checked.ok ? [] : checked.problems.map(({ field, code }) => `${field}: ${code}`);
};

describe('the goal definition checker', () => {
  it("accepts every goal of the Copenhagen 2007 tenant file, typed as the engine computes them", () => {
    const file = JSON.parse(readFileSync(path.join(__dirname, '../../goals/kbh-jobpatruljen-2007.json'), 'utf8')) as { goals: GoalDocument[] };
    expect(file.goals).toHaveLength(8);
    for (const document of file.goals) expect({ id: document.id, problems: problemsOf(document) }).toEqual({ id: document.id, problems: [] });

    const completers = checkGoal(file.goals.find((g) => g.id === 'jp2007-job-uddannelse-efter-tilbud')!, FACT_CATALOG);
    expect(completers).toEqual({
      ok: true,
      definition: {
        kind: 'share',
        basis: 'citizens',
        population: {
          inCase: 'during-period',
          benefitTypes: ['cash-benefit'],
          readiness: null,
          age: null,
          having: { type: 'fact', selector: { facts: ['offer-completed'], where: [] }, within: 'period', after: null },
        },
        numerator: {
          type: 'fact',
          selector: { facts: ['citizen-exited'], where: [{ attribute: 'reason', values: ['job', 'education'] }] },
          within: 'period',
          after: { facts: ['offer-completed'], where: [] },
        },
      },
    });
  });

  it('refuses facts and attributes no read model records, naming the field and the reason', () => {
    const checked = checkGoal(goal({ kind: 'count', target: { value: 80 }, definition: { events: { fact: 'mentor-course-started' } } }), FACT_CATALOG);
    expect(checked).toEqual({
      ok: false,
      problems: [{ field: 'definition.events.fact', code: 'unknown', message: { da: 'ingen læsemodel registrerer faktummet mentor-course-started', en: 'no read model records the fact mentor-course-started' } }],
    });
    expect(problemsOf(goal({ kind: 'count', target: { value: 80 }, definition: { events: { fact: 'offer-started', where: { colour: 'red' } } } }))).toEqual([
      'definition.events.where.colour: unknown',
    ]);
    expect(problemsOf(goal({ kind: 'count', target: { value: 80 }, definition: { events: { fact: 'offer-started', where: { offerType: 'sailing' } } } }))).toEqual([
      'definition.events.where.offerType: unknown',
    ]);
  });

  it('refuses misspelt keys rather than ignoring them', () => {
    expect(problemsOf(goal({ definition: { population: { benefitType: ['cash-benefit'] }, numerator: { currentJobPlan: true } } }))).toEqual([
      'definition.population.benefitType: unknown',
    ]);
    expect(problemsOf(goal({ definition: { population: {}, numerator: { fact: 'offer-started', whithin: 'period' } } }))).toEqual(['definition.numerator.whithin: unknown']);
  });

  it('refuses what is well-formed but cannot be computed', () => {
    // A desk session is about a place, not a citizen.
    expect(problemsOf(goal({ definition: { population: {}, numerator: { fact: 'desk-session-opened' } } }))).toEqual(['definition.numerator.fact: cannot-compute']);
    // A milestone holds per area: it needs the areas.
    expect(problemsOf(goal({ kind: 'milestone', target: undefined, definition: { events: { fact: 'desk-session-opened' } } }))).toEqual(['scope.areas: cannot-compute']);
    // Places belong to no team.
    expect(problemsOf(goal({ kind: 'count', scope: { teams: ['team-nord'] }, target: { value: 5 }, definition: { events: { fact: 'desk-session-opened' } } }))).toEqual([
      'scope.teams: cannot-compute',
    ]);
    // A project's cohort needs something to reach; its start defaults to the enrolment only in a project scope.
    expect(problemsOf(goal({ kind: 'cohort', scope: { project: 'stafetten' }, target: { value: 0.7 }, definition: { withinWeeks: 26 } }))).toEqual(['definition.reach: invalid']);
    expect(problemsOf(goal({ kind: 'cohort', target: { value: 0.7 }, definition: { reach: { fact: 'placement-started' }, withinWeeks: 26 } }))).toEqual(['definition.start: invalid']);
  });

  it('checks targets against the kind: fractions for shares, none for milestones and manual goals, value or relative', () => {
    expect(problemsOf(goal({ target: { value: 90 } }))).toEqual(['target.value: invalid']);
    expect(problemsOf(goal({ target: undefined }))).toEqual(['target: invalid']);
    expect(problemsOf(goal({ target: { value: 0.9, relativeTo: { scope: {} } } }))).toEqual(['target: invalid']);
    expect(problemsOf(goal({ target: { relativeTo: { scope: {}, factor: 1.05 } } }))).toEqual([]);
    expect(problemsOf(goal({ kind: 'manual', definition: {} }))).toEqual(['target: invalid']);
    expect(problemsOf(goal({ kind: 'manual', target: undefined, definition: {} }))).toEqual([]);
    expect(problemsOf(goal({ partialThreshold: 1.5 }))).toEqual(['partialThreshold: invalid']);
  });

  it('checks populations: known benefit types, sensible ages', () => {
    expect(problemsOf(goal({ definition: { population: { benefitTypes: ['pension'] }, numerator: { currentJobPlan: true } } }))).toEqual([
      'definition.population.benefitTypes: unknown',
    ]);
    expect(problemsOf(goal({ definition: { population: { age: { min: 61, max: 18 } }, numerator: { currentJobPlan: true } } }))).toEqual([
      'definition.population.age.max: invalid',
    ]);
  });

  it('types every kind of the vocabulary', () => {
    const kinds = [
      goal({ kind: 'share', definition: { numeratorEvents: { fact: 'interview-no-show' }, denominatorEvents: { fact: ['interview-held', 'interview-no-show'] } } }),
      goal({ kind: 'count', target: { value: 25 }, definition: { events: { fact: 'placement-started', where: { placementType: 'wage-subsidy-job' } }, distinctCitizens: true } }),
      goal({ kind: 'rate', target: { value: 0.005 }, definition: { events: { fact: 'citizen-exited', where: { positive: true } } } }),
      goal({ kind: 'timeliness', target: { value: 0.68 }, definition: { of: 'interviews' } }),
      goal({ kind: 'cohort', target: { value: 0.7 }, definition: { start: { fact: 'offer-started' }, reach: { fact: 'placement-started' }, withinWeeks: 26 } }),
      goal({ kind: 'milestone', scope: { areas: ['tingbjerg'] }, target: undefined, definition: { events: { fact: 'desk-session-opened' }, deadline: '2007-06-30' } }),
    ];
    expect(kinds.map(problemsOf)).toEqual(kinds.map(() => []));
    const rate = checkGoal(kinds[2], FACT_CATALOG);
    expect(rate.ok && rate.definition).toMatchObject({ kind: 'rate', events: { where: [{ attribute: 'positive', values: ['true'] }] }, population: { inCase: 'during-period' } });
  });

  it('names the wrong fields of the period', () => {
    expect(problemsOf(goal({ period: { type: 'quarter', year: 2016, quarter: 5 } }))).toEqual(['period.quarter: invalid']);
  });
});
