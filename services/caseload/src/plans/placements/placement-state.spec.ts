import { applyPlacementFact, PlacementFact, PlacementFacts } from './placement-state';

const common = { citizenId: 'c', companyId: 'co', placementType: 'company-internship', hoursPerWeek: 20 };
const planned: PlacementFact = { ...common, kind: 'planned', plannedStart: '2025-03-01', plannedEnd: '2025-05-31' };
const started: PlacementFact = { ...common, kind: 'started', startedOn: '2025-03-03', hoursPerWeek: 25 };
const ended: PlacementFact = { ...common, kind: 'ended', endedOn: '2025-05-20', reason: 'hired', placementType: 'wage-subsidy-job' };

const fold = (facts: PlacementFact[]) => facts.reduce<PlacementFacts | null>((state, fact) => applyPlacementFact(state, fact), null)!;

describe('placement read model fold', () => {
  const inOrder = fold([planned, started, ended]);

  it('follows planned → started → ended with every date', () => {
    expect(inOrder).toEqual({
      citizenId: 'c',
      companyId: 'co',
      placementType: 'wage-subsidy-job',
      hoursPerWeek: 20,
      status: 'ended',
      plannedStart: '2025-03-01',
      plannedEnd: '2025-05-31',
      startedOn: '2025-03-03',
      endedOn: '2025-05-20',
      endReason: 'hired',
    });
  });

  it.each([
    ['ended, started, planned', [ended, started, planned]],
    ['started, ended, planned', [started, ended, planned]],
    ['planned, ended, started', [planned, ended, started]],
    ['ended, planned, started', [ended, planned, started]],
  ])('reaches the same state when the events arrive %s', (_order, facts) => {
    expect(fold(facts)).toEqual(inOrder);
  });

  it('never moves the status back', () => {
    expect(fold([started, planned]).status).toBe('started');
    expect(fold([ended, started]).status).toBe('ended');
  });

  it('starts a placement first heard of by its start', () => {
    expect(fold([started])).toMatchObject({ status: 'started', startedOn: '2025-03-03', plannedStart: null, hoursPerWeek: 25 });
  });

  it('applying the same event again changes nothing', () => {
    expect(applyPlacementFact(inOrder, ended)).toEqual(inOrder);
    expect(applyPlacementFact(fold([planned, started]), started)).toEqual(fold([planned, started]));
  });
});
