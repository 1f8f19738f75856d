import { average, daysInPeriod, minutes, percent, periodProblems, roundTo } from './statistics-period';
import { distribution } from './statistics.service';

describe('statistics: period and figures', () => {
  it('counts the days of an inclusive period, across month ends and leap days', () => {
    expect(daysInPeriod('2015-03-01', '2015-03-31')).toBe(31);
    expect(daysInPeriod('2016-02-28', '2016-03-01')).toBe(3);
    expect(daysInPeriod('2015-03-05', '2015-03-05')).toBe(1);
    expect(daysInPeriod('2015-03-05', '2015-03-04')).toBe(0);
    // Daylight saving starts on 29 March 2015: still whole days.
    expect(daysInPeriod('2015-03-28', '2015-03-30')).toBe(3);
  });

  it('names `to` when it is before `from` or the period is too long', () => {
    expect(periodProblems('2015-03-01', '2015-03-31', 366)).toEqual([]);
    expect(periodProblems('2015-03-31', '2015-03-01', 366)).toEqual([expect.objectContaining({ field: 'to', code: 'dateOrder' })]);
    expect(periodProblems('2015-01-01', '2016-01-01', 366)).toEqual([]);
    expect(periodProblems('2015-01-01', '2016-01-02', 366)).toEqual([expect.objectContaining({ field: 'to', code: 'periodTooLong' })]);
  });

  it('averages and shares with one decimal, null when there is nothing to divide by', () => {
    expect(average(876, 63)).toBe(13.9);
    expect(average(330, 63)).toBe(5.2);
    expect(average(1, 0)).toBeNull();
    expect(percent(824, 876)).toBe(94.1);
    expect(percent(494, 824)).toBe(60);
    expect(percent(0, 0)).toBeNull();
    expect(roundTo(0.05, 1)).toBe(0.1);
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(minutes(null)).toBeNull();
    expect(minutes('7.25')).toBe(7.3);
  });

  it('distributes over the listed codes (zeros kept) plus unlisted codes, most first, ties in list order', () => {
    const labels = [
      { code: 'a', labelDa: 'A da', labelEn: 'A en', listed: true },
      { code: 'b', labelDa: 'B da', labelEn: 'B en', listed: true },
      { code: 'old', labelDa: 'Gammel', labelEn: 'Old', listed: false },
      { code: 'c', labelDa: 'C da', labelEn: 'C en', listed: true },
    ];
    expect(distribution(labels, [{ code: 'c', visits: 2 }, { code: 'old', visits: 1 }, { code: 'gone', visits: 1 }], 4)).toEqual([
      { code: 'c', labelDa: 'C da', labelEn: 'C en', visits: 2, sharePercent: 50 },
      { code: 'old', labelDa: 'Gammel', labelEn: 'Old', visits: 1, sharePercent: 25 },
      { code: 'gone', labelDa: 'gone', labelEn: 'gone', visits: 1, sharePercent: 25 },
      { code: 'a', labelDa: 'A da', labelEn: 'A en', visits: 0, sharePercent: 0 },
      { code: 'b', labelDa: 'B da', labelEn: 'B en', visits: 0, sharePercent: 0 },
    ]);
  });
});
