/**
 * Finds Danish CPR numbers in text the platform produced (log lines, Kafka messages, error
 * bodies), so the end-to-end run can prove none got out. A CPR number is DDMMYY-SSSS or
 * DDMMYYSSSS whose first six digits are a real date. Since 2007 not every CPR number satisfies the
 * modulus-11 check, so the date is all that is checked; the seventh digit names the century (the
 * Danish CPR office's table), which decides whether 29 February exists.
 *
 * Written here on purpose, not imported from caseload: the scan must not depend on the code it
 * checks, and a service is no library of the e2e support code.
 */

export interface CprFinding {
  /** Offset of the first digit in the text (0-based). */
  offset: number;
  /** 1-based line and column of the first digit. */
  line: number;
  column: number;
  /** The date part and the serial hidden, e.g. `010190-XXXX`: findings never print a CPR number. */
  masked: string;
  /** Matched the shape of a CPR number (date valid), or only one of the fixtures' own CPR numbers. */
  kind: 'pattern' | 'known';
}

/**
 * Ten digits, the serial optionally after a dash, standing alone: not part of a longer number, a
 * hex string or a uuid (letters, digits, `_` and `-` around it), and not the decimals of a number.
 */
const CPR_SHAPE = /(?<![0-9A-Za-z_.-])(\d{6})-?(\d{4})(?![0-9A-Za-z_]|\.\d)/g;

const twoDigits = (text: string, at: number) => Number(text.slice(at, at + 2));

/** The four-digit birth year from the two-digit year and the serial's first digit (CPR office's table). */
export function birthYear(yy: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + yy;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** Whether DDMMYY with this serial is a date that exists (the only check modern CPR numbers pass for sure). */
export function isCprDate(ddmmyy: string, serial: string): boolean {
  const day = twoDigits(ddmmyy, 0);
  const month = twoDigits(ddmmyy, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = birthYear(twoDigits(ddmmyy, 4), Number(serial[0]));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** A CPR number shown without its serial: `DDMMYY-XXXX`. */
export const maskCpr = (digits: string): string => `${digits.replace('-', '').slice(0, 6)}-XXXX`;

/** The ten digits of a CPR number written with or without the dash. */
export const cprDigits = (cpr: string): string => cpr.replace(/\D/g, '');

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Every CPR number in the text: everything shaped like one with a valid date, and the fixtures'
 * own numbers (`known`, ten digits each) in any of the two spellings even where the date is not
 * valid. Standing alone in both cases, so uuids, timestamps and long numbers do not count.
 */
export function findCprs(text: string, known: ReadonlySet<string> = new Set()): CprFinding[] {
  const findings: CprFinding[] = [];
  for (const match of text.matchAll(CPR_SHAPE)) {
    const [, ddmmyy, serial] = match;
    const validDate = isCprDate(ddmmyy, serial);
    if (!validDate && !known.has(`${ddmmyy}${serial}`)) continue;
    findings.push({ offset: match.index!, ...positionOf(text, match.index!), masked: maskCpr(ddmmyy), kind: validDate ? 'pattern' : 'known' });
  }
  return findings;
}
