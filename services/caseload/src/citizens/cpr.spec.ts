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
