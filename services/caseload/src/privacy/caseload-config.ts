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
  /** True when no CPR key was given outside production and the fixed development keys are in use. */
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

const CPR_KEY_VARIABLES = ['CPR_ENCRYPTION_KEYS', 'CPR_ENCRYPTION_KEY', 'CPR_HASH_KEY', 'CPR_HASH_KEY_PREVIOUS', 'CPR_HASH_KEY_NEXT'] as const;
type CprKeyVariable = (typeof CPR_KEY_VARIABLES)[number];

/** `[<key id 1-255>:]<base64>`; the id defaults to 1 (CPR_ENCRYPTION_KEY, the single key). */
const KEYRING_ENTRY = /^(?:(\d{1,3}):)?(.*)$/s;

/**
 * The encryption keyring: CPR_ENCRYPTION_KEYS, `<id>:<base64>` entries separated by commas, the
 * first one current (it seals new values; the others only open what they sealed), or
 * CPR_ENCRYPTION_KEY, one key with an optional `<id>:` (id 1 without). Problems name the variable
 * and the entry's position, never a key.
 */
function readKeyring(variable: 'CPR_ENCRYPTION_KEYS' | 'CPR_ENCRYPTION_KEY', value: string, problems: string[]) {
  const entries = variable === 'CPR_ENCRYPTION_KEYS' ? value.split(',').map((entry) => entry.trim()) : [value.trim()];
  const keys = new Map<number, Buffer>();
  const before = problems.length;
  entries.forEach((entry, index) => {
    const where = entries.length > 1 ? `${variable} (entry ${index + 1})` : variable;
    const [, id, base64] = KEYRING_ENTRY.exec(entry)!;
    if (id === undefined && variable === 'CPR_ENCRYPTION_KEYS') {
      problems.push(`${where}: must be "<key id>:<base64 key>", e.g. "2:<new key>,1:<old key>" (the first is current)`);
      return;
    }
    const keyId = id === undefined ? 1 : Number(id);
    const key = decodeBase64Key(base64);
    if (!(keyId >= 1 && keyId <= 255)) problems.push(`${where}: the key id before the colon must be 1-255`);
    else if (keys.has(keyId)) problems.push(`${where}: key id ${keyId} is given twice`);
    if (key?.length !== CPR_ENCRYPTION_KEY_BYTES) {
      problems.push(`${where}: must be base64 of exactly ${CPR_ENCRYPTION_KEY_BYTES} bytes (AES-256)${variable === 'CPR_ENCRYPTION_KEY' ? ', optionally after "<key id>:"' : ''}`);
    } else if ([...keys.values()].some((other) => other.equals(key))) {
      problems.push(`${where}: the same key is given under two key ids`);
    }
    if (key && keyId >= 1 && keyId <= 255 && !keys.has(keyId)) keys.set(keyId, key);
  });
  if (problems.length > before) return null;
  const [currentKeyId] = keys.keys();
  return { currentKeyId, encryptionKeys: keys };
}

function readHashKey(variable: CprKeyVariable, value: string, problems: string[]): Buffer | null {
  const key = decodeBase64Key(value.trim());
  if (!key || key.length < CPR_HASH_KEY_MIN_BYTES) {
    problems.push(`${variable}: must be base64 of at least ${CPR_HASH_KEY_MIN_BYTES} bytes`);
    return null;
  }
  return key;
}

/**
 * The CPR keys of the environment (README, "Rotating the CPR keys"): the encryption
 * keyring (CPR_ENCRYPTION_KEYS, or CPR_ENCRYPTION_KEY for one key), the hash key CPR_HASH_KEY and,
 * during a hash-key rotation, one of CPR_HASH_KEY_PREVIOUS (the key being replaced) or
 * CPR_HASH_KEY_NEXT (the key about to take over). Null when problems were found.
 */
function readCprKeys(env: Record<string, string | undefined>, production: boolean, problems: string[]): CprKeys | null {
  const given = Object.fromEntries(CPR_KEY_VARIABLES.map((name) => [name, env[name] || undefined])) as Record<CprKeyVariable, string | undefined>;
  const before = problems.length;
  const required = (variable: string, other: string, what: string) =>
    problems.push(`${variable}: is required${production ? ' with NODE_ENV=production' : ` together with ${other}`} (${what})`);

  let keyring: Pick<CprKeys, 'currentKeyId' | 'encryptionKeys'> | null = null;
  if (given.CPR_ENCRYPTION_KEYS && given.CPR_ENCRYPTION_KEY) {
    problems.push('CPR_ENCRYPTION_KEYS: set either CPR_ENCRYPTION_KEYS (a keyring) or CPR_ENCRYPTION_KEY (one key), not both');
  } else if (given.CPR_ENCRYPTION_KEYS) {
    keyring = readKeyring('CPR_ENCRYPTION_KEYS', given.CPR_ENCRYPTION_KEYS, problems);
  } else if (given.CPR_ENCRYPTION_KEY) {
    keyring = readKeyring('CPR_ENCRYPTION_KEY', given.CPR_ENCRYPTION_KEY, problems);
  } else {
    required('CPR_ENCRYPTION_KEY', 'CPR_HASH_KEY', `base64 of ${CPR_ENCRYPTION_KEY_BYTES} random bytes, e.g. openssl rand -base64 32; or the keyring CPR_ENCRYPTION_KEYS`);
  }

  let hashKey: Buffer | null = null;
  if (given.CPR_HASH_KEY) hashKey = readHashKey('CPR_HASH_KEY', given.CPR_HASH_KEY, problems);
  else required('CPR_HASH_KEY', 'CPR_ENCRYPTION_KEY', `base64 of at least ${CPR_HASH_KEY_MIN_BYTES} random bytes`);

  let transitionHashKey: Buffer | undefined;
  const transitionVariable = given.CPR_HASH_KEY_PREVIOUS ? 'CPR_HASH_KEY_PREVIOUS' : given.CPR_HASH_KEY_NEXT ? 'CPR_HASH_KEY_NEXT' : undefined;
  if (given.CPR_HASH_KEY_PREVIOUS && given.CPR_HASH_KEY_NEXT) {
    problems.push('CPR_HASH_KEY_NEXT: not together with CPR_HASH_KEY_PREVIOUS: finish one hash-key rotation (run the re-encryption job, then remove the previous key) before the next');
  } else if (transitionVariable) {
    transitionHashKey = readHashKey(transitionVariable, given[transitionVariable]!, problems) ?? undefined;
    if (transitionHashKey && hashKey?.equals(transitionHashKey)) problems.push(`${transitionVariable}: must differ from CPR_HASH_KEY`);
  }

  // One secret for two purposes would tie their rotations together and weaken both.
  const encryptionVariable = given.CPR_ENCRYPTION_KEYS ? 'every key of CPR_ENCRYPTION_KEYS' : 'CPR_ENCRYPTION_KEY';
  for (const [variable, key] of [['CPR_HASH_KEY', hashKey], [transitionVariable, transitionHashKey]] as const) {
    if (variable && key && keyring && [...keyring.encryptionKeys.values()].some((encryptionKey) => encryptionKey.equals(key))) {
      problems.push(`${variable}: must differ from ${encryptionVariable}`);
    }
  }
  if (problems.length > before || !keyring || !hashKey) return null;
  return { ...keyring, hashKey, ...(transitionHashKey ? { transitionHashKey } : {}) };
}

/**
 * Reads the CPR keys (above) and ACCESS_LOG_RETENTION_DAYS; throws one error naming every bad
 * variable, never printing a key. With NODE_ENV=production the keys are required; elsewhere,
 * without any of them, the fixed development keys are used.
 */
export function loadCaseloadConfig(env: Record<string, string | undefined>): CaseloadConfig {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const developmentKeys = !production && CPR_KEY_VARIABLES.every((name) => !env[name]);
  const cprKeys = developmentKeys ? DEVELOPMENT_KEYS : readCprKeys(env, production, problems);

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

/** What the service logs about its CPR keys at start-up: ids, and whether a hash-key rotation is under way; never a key. */
export const describeCprKeys = (keys: CprKeys) => ({
  currentKeyId: keys.currentKeyId,
  keyIds: [...keys.encryptionKeys.keys()],
  hashKeyRotation: keys.transitionHashKey !== undefined,
});
