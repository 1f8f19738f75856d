import { endOfMonth, parseReportPeriod } from './report-period';

describe('report periods in the address', () => {
  it('reads years, half-years, quarters, months and ranges', () => {
    expect(parseReportPeriod('2014')).toEqual({ type: 'year', year: 2014 });
    expect(parseReportPeriod('2016-h2')).toEqual({ type: 'half-year', year: 2016, half: 2 });
    expect(parseReportPeriod('2007-q3')).toEqual({ type: 'quarter', year: 2007, quarter: 3 });
    expect(parseReportPeriod('2015-03')).toEqual({ type: 'month', year: 2015, month: 3 });
    expect(parseReportPeriod('2016-05-01--2016-09-30')).toEqual({ type: 'range', from: '2016-05-01', to: '2016-09-30' });
  });

  it('refuses what is not a period', () => {
    for (const text of ['14', '2014-h3', '2014-q5', '2014-13', '2016-09-30--2016-05-01', '2016-02-30--2016-03-01', '2014.html', '']) expect(parseReportPeriod(text)).toBeNull();
  });

  it('finds the end of a month', () => {
    expect(endOfMonth('2014-01-01')).toBe('2014-01-31');
    expect(endOfMonth('2016-02-10')).toBe('2016-02-29');
  });
});
