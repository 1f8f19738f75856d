import { createHmac } from 'node:crypto';
import { decodeBase64Key } from '@fremskudt/service-kit';

/** The environment variable with the key of the partners' pseudonyms: base64, at least 32 bytes. */
export const PARTNER_PSEUDONYM_KEY_VARIABLE = 'PARTNER_PSEUDONYM_KEY';
/** Injection token of the key (a Buffer). */
export const PARTNER_PSEUDONYM_KEY = Symbol('PARTNER_PSEUDONYM_KEY');

const MIN_KEY_BYTES = 32;

/**
 * The key outside production when none is given: fixed, so a developer's pseudonyms stay the same
 * between runs. Public (it is in the repository), so production refuses it.
 */
export const DEVELOPMENT_PSEUDONYM_KEY = Buffer.from('fremskudt development key for partner pseudonyms; never in production', 'utf8');

export type PseudonymKeyReading =
  | { key: Buffer; development: boolean; problem?: undefined }
  | { key?: undefined; development?: undefined; problem: string };

/**
 * Reads PARTNER_PSEUDONYM_KEY. In production (NODE_ENV=production) it must be set: a lost or
 * guessable key would let anyone who knows a citizen id compute every partner's pseudonym of them,
 * and a changed key would change every pseudonym partners hold. Elsewhere a missing key falls back
 * to the development key (the caller logs one warning). Never prints the key.
 */
export function readPartnerPseudonymKey(env: Record<string, string | undefined>): PseudonymKeyReading {
  const production = env.NODE_ENV === 'production';
  const given = env[PARTNER_PSEUDONYM_KEY_VARIABLE];
  if (given === undefined || given === '') {
    if (!production) return { key: DEVELOPMENT_PSEUDONYM_KEY, development: true };
    return {
      problem:
        `${PARTNER_PSEUDONYM_KEY_VARIABLE} is required with NODE_ENV=production: the key (base64, at least ${MIN_KEY_BYTES} random bytes, ` +
        `e.g. \`openssl rand -base64 32\`) of the partners' pseudonyms of participants. Keep it secret and never change it.`,
    };
  }
  const key = decodeBase64Key(given.trim());
  if (!key || key.length < MIN_KEY_BYTES) {
    return { problem: `${PARTNER_PSEUDONYM_KEY_VARIABLE} must be base64 of at least ${MIN_KEY_BYTES} bytes (got ${key?.length ?? 0} bytes or not base64)` };
  }
  if (production && key.equals(DEVELOPMENT_PSEUDONYM_KEY)) {
    return { problem: `${PARTNER_PSEUDONYM_KEY_VARIABLE} is the public development key; production needs a key of its own` };
  }
  return { key, development: false };
}

/** A partner's pseudonym is 22 base64url characters (132 bits of the HMAC). */
export const PSEUDONYM_LENGTH = 22;
export const PSEUDONYM_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * The partner's pseudonym of a citizen: HMAC-SHA256(key, `<tenant>:<partnerCode>:<citizenId>`)
 * in base64url, first 22 characters. Keyed, so nobody without the key can compute it from a
 * citizen id; per partner, so two partners can't match their participants by it.
 */
export function partnerPseudonym(key: Buffer, tenant: string, partnerCode: string, citizenId: string): string {
  return createHmac('sha256', key).update(`${tenant}:${partnerCode}:${citizenId}`).digest('base64url').slice(0, PSEUDONYM_LENGTH);
}
