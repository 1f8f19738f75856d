import { registerDecorator, ValidationOptions } from 'class-validator';

const CPR_FORMAT = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/**
 * The century of a CPR number's birth year, from the 7th digit (first of the serial) and the
 * two-digit year, per the CPR office's table. No modulus-11 check: numbers issued since 2007
 * need not satisfy it.
 */
export function cprCentury(seventhDigit: number, twoDigitYear: number): 1800 | 1900 | 2000 {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return twoDigitYear <= 36 ? 2000 : 1900;
  return twoDigitYear <= 57 ? 2000 : 1800;
}

/** The birth date (YYYY-MM-DD) of a CPR number, or null when it is not DDMMYY-SSSS / DDMMYYSSSS with a real date. */
export function cprBirthDate(cpr: string): string | null {
  const match = CPR_FORMAT.exec(cpr);
  if (!match) return null;
  const [, dd, mm, yy, serial] = match;
  const year = cprCentury(Number(serial[0]), Number(yy)) + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return null;
  return date.toISOString().slice(0, 10);
}

/** The stored form: ten digits, no dash. */
export function normaliseCpr(cpr: string): string {
  return cpr.replace('-', '');
}

export function IsCpr(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCpr',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a CPR number DDMMYY-SSSS with a real birth date', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && cprBirthDate(value) !== null },
    });
}
