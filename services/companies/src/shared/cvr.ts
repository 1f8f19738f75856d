import { registerDecorator, ValidationOptions } from 'class-validator';

const CVR_FORMAT = /^\d{8}$/;
/** The CVR register's modulus-11 weights, one per digit (the last digit is the check digit, weight 1). */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** True for eight digits whose weighted sum is divisible by 11 (the CVR register's check). */
export function isValidCvr(value: unknown): value is string {
  if (typeof value !== 'string' || !CVR_FORMAT.test(value)) return false;
  const sum = CVR_WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return sum % 11 === 0;
}

/** A CVR number: eight digits passing the modulus-11 check. A 400 names the field (code `isCvr`). */
export function IsCvr(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCvr',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a CVR number: 8 digits passing the modulus-11 check', ...options },
      validator: { validate: isValidCvr },
    });
}
