import { createHash } from 'node:crypto';
import { ConfigValidationError, decodeBase64Key } from '@fremskudt/service-kit';
import { CPR_ENCRYPTION_KEY_BYTES, CPR_HASH_KEY_MIN_BYTES, CprKeys } from './cpr-protection';

/** Six months, as the security issue sets it. */
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 183;
/** The purge function's own floor (migration 1763900000510): a shorter setting would only be ignored there. */
export const MIN_ACCESS_LOG_RETENTION_DAYS = 30;
export const MAX_ACCESS_LOG_RETENTION_DAYS = 3650;

/** Caseload's own settings, beyond the platform's: the CPR keys and the access log's retention. */
export interface CaseloadConfig {
  cprKeys: CprKeys;
  /** True when neither key was given outside production and the fixed development keys are in use. */
  developmentKeys: boolean;
  accessLogRetentionDays: number;
}

/**
 * Fixed keys for development and tests only, so `npm test` and a local run need no set-up. Public
 * (they are in this file): with NODE_ENV=production they are never used, the keys are required.
 */
const developmentKey = (purpose: string) => createHash('sha256').update(`fremskudt development ${purpose} key: never in production`).digest();
const DEVELOPMENT_KEYS: CprKeys = {
  currentKeyId: 1,
  encryptionKeys: new Map([[1, developmentKey('CPR encryption')]]),
  hashKey: developmentKey('CPR hash'),
};

/** `[<key id 1-255>:]<base64>`; the id defaults to 1. */
const ENCRYPTION_KEY = /^(?:(\d{1,3}):)?(.+)$/s;

/**
 * Reads CPR_ENCRYPTION_KEY, CPR_HASH_KEY and ACCESS_LOG_RETENTION_DAYS; throws one error naming
 * every bad variable, never printing a key. With NODE_ENV=production both keys are required.
 */
export function loadCaseloadConfig(env: Record<string, string | undefined>): CaseloadConfig {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const encryptionValue = env.CPR_ENCRYPTION_KEY || undefined;
  const hashValue = env.CPR_HASH_KEY || undefined;

  let cprKeys: CprKeys | undefined;
  let developmentKeys = false;
  if (!encryptionValue && !hashValue && !production) {
    cprKeys = DEVELOPMENT_KEYS;
    developmentKeys = true;
  } else {
    let currentKeyId = 1;
    let encryptionKey: Buffer | null = null;
    if (!encryptionValue) {
      problems.push(`CPR_ENCRYPTION_KEY: is required${production ? ' with NODE_ENV=production' : ' together with CPR_HASH_KEY'} (base64 of ${CPR_ENCRYPTION_KEY_BYTES} random bytes, e.g. openssl rand -base64 32)`);
    } else {
      const [, id, base64] = ENCRYPTION_KEY.exec(encryptionValue)!;
      currentKeyId = id === undefined ? 1 : Number(id);
      encryptionKey = decodeBase64Key(base64);
      if (!(currentKeyId >= 1 && currentKeyId <= 255)) problems.push('CPR_ENCRYPTION_KEY: the key id before the colon must be 1-255');
      if (encryptionKey?.length !== CPR_ENCRYPTION_KEY_BYTES) {
        problems.push(`CPR_ENCRYPTION_KEY: must be base64 of exactly ${CPR_ENCRYPTION_KEY_BYTES} bytes (AES-256), optionally after "<key id>:"`);
      }
    }
    let hashKey: Buffer | null = null;
    if (!hashValue) {
      problems.push(`CPR_HASH_KEY: is required${production ? ' with NODE_ENV=production' : ' together with CPR_ENCRYPTION_KEY'} (base64 of at least ${CPR_HASH_KEY_MIN_BYTES} random bytes)`);
    } else {
      hashKey = decodeBase64Key(hashValue);
      if (!hashKey || hashKey.length < CPR_HASH_KEY_MIN_BYTES) problems.push(`CPR_HASH_KEY: must be base64 of at least ${CPR_HASH_KEY_MIN_BYTES} bytes`);
    }
    if (encryptionKey && hashKey && encryptionKey.equals(hashKey)) problems.push('CPR_HASH_KEY: must differ from CPR_ENCRYPTION_KEY');
    if (encryptionKey && hashKey) cprKeys = { currentKeyId, encryptionKeys: new Map([[currentKeyId, encryptionKey]]), hashKey };
  }

  let accessLogRetentionDays = DEFAULT_ACCESS_LOG_RETENTION_DAYS;
  const retention = env.ACCESS_LOG_RETENTION_DAYS;
  if (retention !== undefined && retention !== '') {
    accessLogRetentionDays = /^\d{1,5}$/.test(retention) ? Number(retention) : NaN;
    if (!(accessLogRetentionDays >= MIN_ACCESS_LOG_RETENTION_DAYS && accessLogRetentionDays <= MAX_ACCESS_LOG_RETENTION_DAYS)) {
      problems.push(`ACCESS_LOG_RETENTION_DAYS: must be a whole number of days from ${MIN_ACCESS_LOG_RETENTION_DAYS} to ${MAX_ACCESS_LOG_RETENTION_DAYS}`);
    }
  }

  if (problems.length || !cprKeys) throw new ConfigValidationError('caseload', problems);
  return { cprKeys, developmentKeys, accessLogRetentionDays };
}
