import { monthsIn, overlaps, periodLabel, periodProblems, periodRange } from './periods';

describe('goal periods', () => {
  it('gives the first and last day of each form', () => {
    expect(periodRange({ type: 'year', year: 2007 })).toEqual({ from: '2007-01-01', to: '2007-12-31' });
    expect(periodRange({ type: 'half-year', year: 2016, half: 2 })).toEqual({ from: '2016-07-01', to: '2016-12-31' });
    expect(periodRange({ type: 'quarter', year: 2016, quarter: 1 })).toEqual({ from: '2016-01-01', to: '2016-03-31' });
    expect(periodRange({ type: 'month', year: 2016, month: 2 })).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(periodRange({ type: 'range', from: '2016-05-01', to: '2016-09-30' })).toEqual({ from: '2016-05-01', to: '2016-09-30' });
  });

  it('labels periods as the reports do, in Danish and English', () => {
    expect(periodLabel({ type: 'half-year', year: 2016, half: 1 })).toEqual({ da: '1. halvår 2016', en: 'H1 2016' });
    expect(periodLabel({ type: 'month', year: 2016, month: 5 })).toEqual({ da: 'maj 2016', en: 'May 2016' });
    expect(periodLabel({ type: 'range', from: '2016-05-01', to: '2016-09-30' }).da).toBe('1.5.2016-30.9.2016');
  });

  it('names every wrong field of a period', () => {
    expect(periodProblems({ type: 'year', year: 2007 })).toEqual([]);
    expect(periodProblems({ type: 'half-year', year: 2016, half: 3 }).map((p) => p.field)).toEqual(['half']);
    expect(periodProblems({ type: 'range', from: '2016-09-30', to: '2016-05-01' }).map((p) => p.field)).toEqual(['to']);
    expect(periodProblems({ type: 'range', from: '2016-02-30', to: '2016-05-01' }).map((p) => p.field)).toEqual(['from']);
    expect(periodProblems({ type: 'year', year: 2007, month: 3 }).map((p) => p.field)).toEqual(['month']);
    expect(periodProblems({ type: 'month', year: 2007 }).map((p) => p.field)).toEqual(['month']);
  });

  it('counts months for per-month rates: whole months exactly, other ranges by days', () => {
    expect(monthsIn(periodRange({ type: 'year', year: 2016 }))).toBe(12);
    expect(monthsIn({ from: '2016-05-01', to: '2017-04-30' })).toBe(12);
    expect(monthsIn({ from: '2016-05-15', to: '2016-06-14' })).toBeCloseTo(31 / (365.25 / 12));
  });

  it('tells whether two ranges share a day', () => {
    expect(overlaps({ from: '2007-01-01', to: '2007-12-31' }, { from: '2007-12-31', to: '2008-06-30' })).toBe(true);
    expect(overlaps({ from: '2007-01-01', to: '2007-12-31' }, { from: '2008-01-01', to: '2008-06-30' })).toBe(false);
  });
});
