import { cprBirthDate, cprCentury, normaliseCpr } from './cpr';

describe('CPR century table', () => {
  // Independent statement of the CPR office's table: [7th digit, year range, century].
  const table: Array<[number[], [number, number], number]> = [
    [[0, 1, 2, 3], [0, 99], 1900],
    [[4, 9], [0, 36], 2000],
    [[4, 9], [37, 99], 1900],
    [[5, 6, 7, 8], [0, 57], 2000],
    [[5, 6, 7, 8], [58, 99], 1800],
  ];

  it.each(table)('digits %j with years %j are in century %i', (digits, [from, to], century) => {
    for (const digit of digits) {
      for (let year = from; year <= to; year++) expect(cprCentury(digit, year)).toBe(century);
    }
  });
});

describe('cprBirthDate', () => {
  it.each([
    ['010190-1234', '1990-01-01'],
    ['0101901234', '1990-01-01'],
    ['311299-4000', '1999-12-31'],
    ['010136-4000', '2036-01-01'],
    ['010137-9000', '1937-01-01'],
    ['150557-5000', '2057-05-15'],
    ['150558-5000', '1858-05-15'],
    ['290200-4000', '2000-02-29'],
  ])('%s is born %s', (cpr, birthDate) => expect(cprBirthDate(cpr)).toBe(birthDate));

  it.each([
    ['290201-4000', 'no 29 February in 2001'],
    ['290200-1000', 'no 29 February in 1900'],
    ['320190-1234', 'day 32'],
    ['011390-1234', 'month 13'],
    ['000190-1234', 'day 0'],
    ['010190_1234', 'wrong separator'],
    ['010190-123', 'too short'],
    ['01019012345', 'too long'],
    ['abcdef-1234', 'not digits'],
  ])('%s is refused (%s)', (cpr) => expect(cprBirthDate(cpr)).toBeNull());

  it('normalises to ten digits', () => expect(normaliseCpr('010190-1234')).toBe('0101901234'));
});

describe('cprBirthDate across the whole century table', () => {
  // Every 7th digit on both sides of each two-digit-year boundary (36/37 and 57/58) and at 00 and
  // 99, with the full birth year written out per group of digits rather than computed.
  const birthYearByGroup: Array<[string, number[], Record<string, number>]> = [
    ['0-3', [0, 1, 2, 3], { '00': 1900, '36': 1936, '37': 1937, '57': 1957, '58': 1958, '99': 1999 }],
    ['4 and 9', [4, 9], { '00': 2000, '36': 2036, '37': 1937, '57': 1957, '58': 1958, '99': 1999 }],
    ['5-8', [5, 6, 7, 8], { '00': 2000, '36': 2036, '37': 2037, '57': 2057, '58': 1858, '99': 1899 }],
  ];
  const rows = birthYearByGroup.flatMap(([group, digits, years]) =>
    digits.flatMap((digit) => Object.entries(years).map(([yy, year]) => [`1506${yy}-${digit}123`, `${year}-06-15`, group] as const)),
  );

  it('covers all ten 7th digits', () => expect(new Set(rows.map(([cpr]) => cpr[7]))).toEqual(new Set('0123456789')));

  it.each(rows)('%s is born %s (7th digit %s)', (cpr, birthDate) => {
    expect(cprBirthDate(cpr)).toBe(birthDate);
    expect(cprBirthDate(cpr.replace('-', ''))).toBe(birthDate);
  });
});

describe('cprBirthDate only accepts real dates', () => {
  it.each<[string, string | null, string]>([
    // 29 February: the century decides whether the year is a leap year.
    ['290200-0123', null, '1900 is not a leap year (divisible by 100, not 400)'],
    ['290200-3123', null, '1900 again, 7th digit 3'],
    ['290200-4123', '2000-02-29', '2000 is a leap year (divisible by 400)'],
    ['290200-9123', '2000-02-29', '2000, 7th digit 9'],
    ['290200-5123', '2000-02-29', '2000, 7th digit 5'],
    ['290200-8123', '2000-02-29', '2000, 7th digit 8'],
    ['290204-0123', '1904-02-29', '1904 is a leap year'],
    ['290204-4123', '2004-02-29', '2004 is a leap year'],
    ['290204-6123', '2004-02-29', '2004, 7th digit 6'],
    ['290236-4123', '2036-02-29', '2036, the last year 4 and 9 put in the 2000s'],
    ['290236-2123', '1936-02-29', '1936'],
    ['290296-1123', '1996-02-29', '1996 is a leap year'],
    ['290296-9123', '1996-02-29', '1996, 7th digit 9'],
    ['290296-7123', '1896-02-29', '1896 is a leap year'],
    ['290260-5123', '1860-02-29', '1860 is a leap year'],
    ['290258-5123', null, '1858 is not a leap year'],
    ['290201-0123', null, 'no 29 February in 1901'],
    ['290201-4123', null, 'no 29 February in 2001'],
    ['290297-7123', null, 'no 29 February in 1897'],
    ['290297-0123', null, 'no 29 February in 1997'],
    ['280201-0123', '1901-02-28', '28 February is always real'],
    ['300296-0123', null, 'no 30 February, even in a leap year'],
    ['300490-0123', '1990-04-30', '30 April'],
    ['310490-0123', null, 'no 31 April'],
    ['310690-0123', null, 'no 31 June'],
    ['310990-0123', null, 'no 31 September'],
    ['311190-0123', null, 'no 31 November'],
    ['311290-0123', '1990-12-31', '31 December'],
    ['010090-0123', null, 'month 0'],
  ])('%s: %s (%s)', (cpr, birthDate) => {
    expect(cprBirthDate(cpr)).toBe(birthDate);
    expect(cprBirthDate(cpr.replace('-', ''))).toBe(birthDate);
  });
});
