import { fullTimeClash, inFullTimePlacementOn, PlacementDates, periodOf } from './placement-rules';

const FULL_TIME = 30;
const placement = (overrides: Partial<PlacementDates>): PlacementDates => ({
  id: 'other',
  hoursPerWeek: 37,
  status: 'planned',
  plannedStart: '2026-03-01',
  plannedEnd: '2026-05-31',
  startedOn: null,
  endedOn: null,
  ...overrides,
});

describe('placement periods', () => {
  it('runs from the planned start to the planned end while planned', () => {
    expect(periodOf(placement({}))).toEqual({ from: '2026-03-01', to: '2026-05-31' });
    expect(periodOf(placement({ plannedEnd: null }))).toEqual({ from: '2026-03-01', to: null });
  });

  it('runs from the actual start once started, and to the actual end once ended', () => {
    expect(periodOf(placement({ status: 'started', startedOn: '2026-03-10' }))).toEqual({ from: '2026-03-10', to: '2026-05-31' });
    expect(periodOf(placement({ status: 'ended', startedOn: '2026-03-10', endedOn: '2026-04-02' }))).toEqual({ from: '2026-03-10', to: '2026-04-02' });
  });

  it('is open-ended when started after its planned end', () => {
    expect(periodOf(placement({ status: 'started', startedOn: '2026-06-15' }))).toEqual({ from: '2026-06-15', to: null });
  });

  it('takes no days when it ended without starting (cancelled)', () => {
    expect(periodOf(placement({ status: 'ended', endedOn: '2026-02-20' }))).toBeNull();
  });
});

describe('two full-time placements at the same time', () => {
  const period = (from: string, to: string | null) => ({ from, to });

  it('clash when both are full-time and their periods share a day (ends inclusive)', () => {
    const other = placement({});
    expect(fullTimeClash({ hoursPerWeek: 30, period: period('2026-05-31', '2026-08-31') }, [other], FULL_TIME)).toBe(other);
    expect(fullTimeClash({ hoursPerWeek: 37, period: period('2026-01-01', null) }, [other], FULL_TIME)).toBe(other);
  });

  it('do not clash back to back', () => {
    expect(fullTimeClash({ hoursPerWeek: 37, period: period('2026-06-01', '2026-08-31') }, [placement({})], FULL_TIME)).toBeUndefined();
    expect(fullTimeClash({ hoursPerWeek: 37, period: period('2026-01-01', '2026-02-28') }, [placement({})], FULL_TIME)).toBeUndefined();
  });

  it('never clash when either is part-time (below the threshold)', () => {
    expect(fullTimeClash({ hoursPerWeek: 29.5, period: period('2026-04-01', null) }, [placement({})], FULL_TIME)).toBeUndefined();
    expect(fullTimeClash({ hoursPerWeek: 37, period: period('2026-04-01', null) }, [placement({ hoursPerWeek: 15 })], FULL_TIME)).toBeUndefined();
  });

  it('follow the tenant’s threshold', () => {
    expect(fullTimeClash({ hoursPerWeek: 25, period: period('2026-04-01', null) }, [placement({ hoursPerWeek: 25 })], 25)).toBeDefined();
    expect(fullTimeClash({ hoursPerWeek: 25, period: period('2026-04-01', null) }, [placement({ hoursPerWeek: 25 })], 30)).toBeUndefined();
  });

  it('ignore a placement cancelled before it started, but not one that ran and ended', () => {
    const cancelled = placement({ status: 'ended', endedOn: '2026-02-20' });
    const ran = placement({ id: 'ran', status: 'ended', startedOn: '2026-03-01', endedOn: '2026-03-31' });
    expect(fullTimeClash({ hoursPerWeek: 37, period: period('2026-03-15', null) }, [cancelled], FULL_TIME)).toBeUndefined();
    expect(fullTimeClash({ hoursPerWeek: 37, period: period('2026-03-15', null) }, [cancelled, ran], FULL_TIME)).toBe(ran);
    expect(fullTimeClash({ hoursPerWeek: 37, period: period('2026-04-01', null) }, [cancelled, ran], FULL_TIME)).toBeUndefined();
  });
});

describe('in a full-time placement on a day', () => {
  it('is true while a full-time placement takes up the day, planned or started', () => {
    expect(inFullTimePlacementOn([placement({})], '2026-04-15', FULL_TIME)).toBe(true);
    expect(inFullTimePlacementOn([placement({ status: 'started', startedOn: '2026-03-01', plannedEnd: null })], '2027-01-01', FULL_TIME)).toBe(true);
  });

  it('is false before, after, for part-time and for ended placements', () => {
    expect(inFullTimePlacementOn([placement({})], '2026-02-28', FULL_TIME)).toBe(false);
    expect(inFullTimePlacementOn([placement({})], '2026-06-01', FULL_TIME)).toBe(false);
    expect(inFullTimePlacementOn([placement({ hoursPerWeek: 20 })], '2026-04-15', FULL_TIME)).toBe(false);
    expect(inFullTimePlacementOn([placement({ status: 'ended', startedOn: '2026-03-01', endedOn: '2026-03-31' })], '2026-04-15', FULL_TIME)).toBe(false);
  });
});
