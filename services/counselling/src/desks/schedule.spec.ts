import { AREA_TEMPLATES, TEMPLATE_DESKS } from './area-templates';
import { calendar, calendarDay, fitOpening, overlapsCalendar, ScheduleException, weeklyScheduleProblems, WeeklyOpening } from './schedule';

const weekly: WeeklyOpening[] = [
  { weekday: 1, opens: '09:30', closes: '12:30' },
  { weekday: 3, opens: '09:30', closes: '12:30' },
  { weekday: 3, opens: '13:00', closes: '15:00' },
];

const closed = (date: string, reason: string | null = null): ScheduleException => ({ id: `closed-${date}`, date, kind: 'closed', opens: null, closes: null, reason });
const extra = (date: string, opens: string, closes: string): ScheduleException => ({ id: `extra-${date}-${opens}`, date, kind: 'extra', opens, closes, reason: null });

describe('weekly schedule', () => {
  it('accepts openings that close after they open and do not overlap on a weekday', () => {
    expect(weeklyScheduleProblems(weekly)).toEqual([]);
    expect(weeklyScheduleProblems([{ weekday: 2, opens: '09:00', closes: '12:00' }, { weekday: 2, opens: '12:00', closes: '13:00' }])).toEqual([]);
    expect(weeklyScheduleProblems([])).toEqual([]);
  });

  it('names the closes of an opening that does not close after it opens', () => {
    expect(weeklyScheduleProblems([{ weekday: 2, opens: '12:00', closes: '12:00' }, { weekday: 2, opens: '13:00', closes: '11:00' }])).toEqual([
      { field: 'weekly.0.closes', code: 'closesAfterOpens', message: 'must be after opens' },
      { field: 'weekly.1.closes', code: 'closesAfterOpens', message: 'must be after opens' },
    ]);
  });

  it('names the later of two overlapping openings of one weekday (other weekdays do not clash)', () => {
    const problems = weeklyScheduleProblems([
      { weekday: 2, opens: '09:00', closes: '12:00' },
      { weekday: 3, opens: '10:00', closes: '11:00' },
      { weekday: 2, opens: '11:59', closes: '14:00' },
    ]);
    expect(problems).toEqual([{ field: 'weekly.2.opens', code: 'noOverlap', message: 'overlaps weekly.0 on the same weekday' }]);
  });
});

describe('calendar', () => {
  it('plans the weekly sessions per day in Copenhagen time', () => {
    // Monday 2 to Sunday 8 February 2026.
    const days = calendar(weekly, [], '2026-02-02', '2026-02-08');
    expect(days.map((day) => [day.date, day.weekday, day.sessions.map((s) => `${s.opens}-${s.closes}`)])).toEqual([
      ['2026-02-02', 1, ['09:30-12:30']],
      ['2026-02-04', 3, ['09:30-12:30', '13:00-15:00']],
    ]);
    expect(days[0].sessions[0].startsAt.toISOString()).toBe('2026-02-02T08:30:00.000Z');
    expect(days[0].sessions[0]).toMatchObject({ extra: false, exceptionId: null });
  });

  it('leaves out closed days (keeping the day with its reason) and adds extra sessions', () => {
    const exceptions = [closed('2026-02-02', 'Personalemøde'), extra('2026-02-05', '10:00', '12:00'), extra('2026-02-04', '16:00', '17:00')];
    const days = calendar(weekly, exceptions, '2026-02-02', '2026-02-08');
    expect(days.map((day) => ({ date: day.date, closed: day.closed, reason: day.closedReason, sessions: day.sessions.map((s) => `${s.opens}-${s.closes}${s.extra ? '+' : ''}`) }))).toEqual([
      { date: '2026-02-02', closed: true, reason: 'Personalemøde', sessions: [] },
      { date: '2026-02-04', closed: false, reason: null, sessions: ['09:30-12:30', '13:00-15:00', '16:00-17:00+'] },
      { date: '2026-02-05', closed: false, reason: null, sessions: ['10:00-12:00+'] },
    ]);
  });

  it('a closed day with an extra session moves the session (weekly ones dropped, the extra kept)', () => {
    const day = calendarDay(weekly, [closed('2026-02-04'), extra('2026-02-04', '14:00', '17:00')], '2026-02-04');
    expect(day.closed).toBe(true);
    expect(day.sessions.map((s) => [s.opens, s.closes, s.extra])).toEqual([['14:00', '17:00', true]]);
  });

  it('keeps local opening times across the daylight-saving changes (the UTC instants move)', () => {
    const mondays: WeeklyOpening[] = [{ weekday: 1, opens: '09:30', closes: '12:30' }, { weekday: 7, opens: '09:30', closes: '12:30' }];
    const spring = calendar(mondays, [], '2026-03-22', '2026-03-30');
    expect(spring.map((day) => [day.date, day.sessions[0].startsAt.toISOString(), day.sessions[0].endsAt.toISOString()])).toEqual([
      ['2026-03-22', '2026-03-22T08:30:00.000Z', '2026-03-22T11:30:00.000Z'],
      ['2026-03-23', '2026-03-23T08:30:00.000Z', '2026-03-23T11:30:00.000Z'],
      ['2026-03-29', '2026-03-29T07:30:00.000Z', '2026-03-29T10:30:00.000Z'], // the change day, a Sunday
      ['2026-03-30', '2026-03-30T07:30:00.000Z', '2026-03-30T10:30:00.000Z'],
    ]);
    const autumn = calendar(mondays, [], '2026-10-19', '2026-10-26');
    expect(autumn.map((day) => day.sessions[0].startsAt.toISOString())).toEqual([
      '2026-10-19T07:30:00.000Z',
      '2026-10-25T08:30:00.000Z',
      '2026-10-26T08:30:00.000Z',
    ]);
  });

  it('a session across the night of the change lasts an hour less or more', () => {
    const night: WeeklyOpening[] = [{ weekday: 7, opens: '01:00', closes: '04:00' }];
    const [spring] = calendar(night, [], '2026-03-29', '2026-03-29');
    expect((spring.sessions[0].endsAt.getTime() - spring.sessions[0].startsAt.getTime()) / 3_600_000).toBe(2);
    const [autumn] = calendar(night, [], '2026-10-25', '2026-10-25');
    expect((autumn.sessions[0].endsAt.getTime() - autumn.sessions[0].startsAt.getTime()) / 3_600_000).toBe(4);
  });

  it('finds where an opening falls: a planned session (from 30 minutes before), a closed day, or outside', () => {
    const exceptions = [closed('2026-02-09', 'Helligdag')];
    expect(fitOpening(weekly, exceptions, new Date('2026-02-02T08:00:00Z'))).toMatchObject({ kind: 'planned', date: '2026-02-02', session: { opens: '09:30' } });
    expect(fitOpening(weekly, exceptions, new Date('2026-02-02T07:59:00Z'))).toEqual({ kind: 'outside', date: '2026-02-02' });
    expect(fitOpening(weekly, exceptions, new Date('2026-02-02T11:29:00Z'))).toMatchObject({ kind: 'planned' });
    expect(fitOpening(weekly, exceptions, new Date('2026-02-02T11:30:00Z'))).toEqual({ kind: 'outside', date: '2026-02-02' });
    expect(fitOpening(weekly, exceptions, new Date('2026-02-04T12:45:00Z'))).toMatchObject({ kind: 'planned', session: { opens: '13:00' } });
    expect(fitOpening(weekly, exceptions, new Date('2026-02-09T09:00:00Z'))).toEqual({ kind: 'closed-day', date: '2026-02-09', reason: 'Helligdag' });
    expect(fitOpening(weekly, exceptions, new Date('2026-02-03T09:00:00Z'))).toEqual({ kind: 'outside', date: '2026-02-03' });
  });

  it('in summer time, the same local opening is an hour earlier in UTC', () => {
    expect(fitOpening(weekly, [], new Date('2026-06-01T07:30:00Z'))).toMatchObject({ kind: 'planned', date: '2026-06-01' });
    expect(fitOpening(weekly, [], new Date('2026-06-01T10:30:00Z'))).toMatchObject({ kind: 'outside' });
  });

  it('finds a planned session an extra one would overlap', () => {
    expect(overlapsCalendar(weekly, [], '2026-02-04', '12:00', '13:30')).toMatchObject({ opens: '09:30' });
    expect(overlapsCalendar(weekly, [], '2026-02-04', '12:30', '13:00')).toBeNull();
    expect(overlapsCalendar(weekly, [closed('2026-02-04')], '2026-02-04', '10:00', '11:00')).toBeNull();
    expect(overlapsCalendar(weekly, [extra('2026-02-05', '10:00', '12:00')], '2026-02-05', '11:00', '13:00')).toMatchObject({ extra: true });
  });
});

describe('area templates', () => {
  it.each(AREA_TEMPLATES)('%s: every desk has a valid weekly schedule and a unique name per area', (template) => {
    const desks = TEMPLATE_DESKS[template];
    for (const desk of desks) expect(weeklyScheduleProblems(desk.weekly)).toEqual([]);
    expect(new Set(desks.map((desk) => `${desk.areaCode}/${desk.name}`)).size).toBe(desks.length);
  });

  it("Copenhagen: the brief's six areas with their opening days a week, three-hour sessions", () => {
    const days = Object.fromEntries(TEMPLATE_DESKS.copenhagen.map((desk) => [desk.areaCode, desk.weekly.length]));
    expect(days).toEqual({ tingbjerg: 4, 'hothers-plads': 2, aldersrogade: 3, lundtoftegade: 2, akacieparken: 1, urbanplanen: 4 });
    for (const desk of TEMPLATE_DESKS.copenhagen) {
      for (const opening of desk.weekly) expect(Number(opening.closes.slice(0, 2)) - Number(opening.opens.slice(0, 2))).toBe(3);
    }
  });

  it("Slagelse: the brief's four areas", () => {
    expect(TEMPLATE_DESKS.slagelse.map((desk) => desk.areaCode)).toEqual(['nordbyen', 'motalavej', 'sydbyen', 'skaelskoer']);
  });
});
