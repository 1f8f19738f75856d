import {
  addDays,
  copenhagenDateOf,
  copenhagenInstant,
  copenhagenOffsetMinutes,
  copenhagenTimeOf,
  daysBetween,
  formatCopenhagen,
  isCalendarDate,
  isoWeekday,
} from './copenhagen-time';

describe('Copenhagen time', () => {
  it('reads the offset: CET in winter, CEST in summer', () => {
    expect(copenhagenOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(copenhagenOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
  });

  it('turns a local time on a date into the instant, with the offset of that day', () => {
    expect(copenhagenInstant('2026-03-27', '09:30').toISOString()).toBe('2026-03-27T08:30:00.000Z');
    expect(copenhagenInstant('2026-03-30', '09:30').toISOString()).toBe('2026-03-30T07:30:00.000Z');
    expect(copenhagenInstant('2026-10-23', '09:30').toISOString()).toBe('2026-10-23T07:30:00.000Z');
    expect(copenhagenInstant('2026-10-26', '09:30').toISOString()).toBe('2026-10-26T08:30:00.000Z');
  });

  it('on the change days themselves: normal hours are unaffected, the skipped hour moves forward, the repeated hour is the first', () => {
    // 29 March 2026: clocks go 02:00 → 03:00.
    expect(copenhagenInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(copenhagenInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(formatCopenhagen(copenhagenInstant('2026-03-29', '02:30'))).toBe('2026-03-29T03:30:00+02:00');
    expect(copenhagenInstant('2026-03-29', '10:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    // 25 October 2026: clocks go 03:00 → 02:00; 02:30 happens twice.
    expect(copenhagenInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(copenhagenInstant('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('formats instants in Copenhagen time with the offset', () => {
    expect(formatCopenhagen(new Date('2026-03-30T07:30:00Z'))).toBe('2026-03-30T09:30:00+02:00');
    expect(formatCopenhagen(new Date('2026-12-24T23:30:00Z'))).toBe('2026-12-25T00:30:00+01:00');
  });

  it('gives the Copenhagen date and time of an instant (not the UTC date)', () => {
    expect(copenhagenDateOf(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(copenhagenDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(copenhagenTimeOf(new Date('2026-06-30T22:30:00Z'))).toBe('00:30');
  });

  it('does date arithmetic on calendar dates', () => {
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-04-01', '2026-03-31')).toBe(-1);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(() => copenhagenInstant('2026-02-30', '09:30')).toThrow(RangeError);
    expect(() => copenhagenInstant('2026-02-03', '24:00')).toThrow(RangeError);
  });
});
