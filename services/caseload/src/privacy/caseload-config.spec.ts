import { randomBytes } from 'node:crypto';
import { ConfigValidationError } from '@fremskudt/service-kit';
import { DEFAULT_ACCESS_LOG_RETENTION_DAYS, loadCaseloadConfig } from './caseload-config';

const key = (bytes = 32) => randomBytes(bytes).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadCaseloadConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadCaseloadConfig', () => {
  it('outside production without keys: the development keys and the default retention', () => {
    const config = loadCaseloadConfig({ NODE_ENV: 'test' });
    expect(config.developmentKeys).toBe(true);
    expect(config.accessLogRetentionDays).toBe(DEFAULT_ACCESS_LOG_RETENTION_DAYS);
    expect(config.cprKeys.encryptionKeys.get(1)).toHaveLength(32);
    // Fixed: a restart finds its citizens again.
    expect(loadCaseloadConfig({}).cprKeys.hashKey.equals(config.cprKeys.hashKey)).toBe(true);
  });

  it('takes the keys given, with key id 1 unless the value names one', () => {
    const encryption = key();
    const hash = key(48);
    const config = loadCaseloadConfig({ NODE_ENV: 'production', CPR_ENCRYPTION_KEY: encryption, CPR_HASH_KEY: hash, ACCESS_LOG_RETENTION_DAYS: '365' });
    expect(config).toMatchObject({ developmentKeys: false, accessLogRetentionDays: 365 });
    expect(config.cprKeys.currentKeyId).toBe(1);
    expect(config.cprKeys.encryptionKeys.get(1)!.toString('base64')).toBe(encryption);
    expect(config.cprKeys.hashKey.toString('base64')).toBe(hash);
    expect(loadCaseloadConfig({ CPR_ENCRYPTION_KEY: `7:${encryption}`, CPR_HASH_KEY: hash }).cprKeys.currentKeyId).toBe(7);
  });

  it('refuses to start in production without the keys, naming both', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^CPR_ENCRYPTION_KEY: is required with NODE_ENV=production/),
      expect.stringMatching(/^CPR_HASH_KEY: is required with NODE_ENV=production/),
    ]);
  });

  it.each([
    ['one key without the other', { CPR_ENCRYPTION_KEY: key() }, ['CPR_HASH_KEY']],
    ['a 16-byte encryption key', { CPR_ENCRYPTION_KEY: key(16), CPR_HASH_KEY: key() }, ['CPR_ENCRYPTION_KEY']],
    ['an encryption key that is not base64', { CPR_ENCRYPTION_KEY: 'not base64 at all!', CPR_HASH_KEY: key() }, ['CPR_ENCRYPTION_KEY']],
    ['a key id out of range', { CPR_ENCRYPTION_KEY: `256:${key()}`, CPR_HASH_KEY: key() }, ['CPR_ENCRYPTION_KEY']],
    ['a short hash key', { CPR_ENCRYPTION_KEY: key(), CPR_HASH_KEY: key(16) }, ['CPR_HASH_KEY']],
    ['a retention below the floor', { ACCESS_LOG_RETENTION_DAYS: '29' }, ['ACCESS_LOG_RETENTION_DAYS']],
    ['a retention that is not a number', { ACCESS_LOG_RETENTION_DAYS: 'half a year' }, ['ACCESS_LOG_RETENTION_DAYS']],
  ])('refuses %s, naming the variable and never its value', (_case, env: Record<string, string>, variables) => {
    const problems = problemsOf(env);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(variables);
    for (const value of Object.values(env)) expect(problems.join('\n')).not.toContain(value);
  });

  describe('the keyring (CPR_ENCRYPTION_KEYS) and the hash key rotation', () => {
    const [one, two, hash, previous] = [key(), key(), key(), key(48)];

    it('reads "<id>:<base64>" entries, the first current, each opening what it sealed', () => {
      const { cprKeys } = loadCaseloadConfig({ NODE_ENV: 'production', CPR_ENCRYPTION_KEYS: ` 2:${two} , 1:${one}`, CPR_HASH_KEY: hash });
      expect(cprKeys.currentKeyId).toBe(2);
      expect([...cprKeys.encryptionKeys.keys()]).toEqual([2, 1]);
      expect(cprKeys.encryptionKeys.get(1)!.toString('base64')).toBe(one);
      expect(cprKeys.encryptionKeys.get(2)!.toString('base64')).toBe(two);
      expect(cprKeys.transitionHashKey).toBeUndefined();
      // Order alone chooses the current key: the step before the switch names the old one first.
      expect(loadCaseloadConfig({ CPR_ENCRYPTION_KEYS: `1:${one},2:${two}`, CPR_HASH_KEY: hash }).cprKeys.currentKeyId).toBe(1);
      expect(loadCaseloadConfig({ CPR_ENCRYPTION_KEYS: `9:${one}`, CPR_HASH_KEY: hash }).cprKeys).toMatchObject({ currentKeyId: 9 });
    });

    it('takes CPR_HASH_KEY_PREVIOUS or CPR_HASH_KEY_NEXT as the other hash key of a rotation', () => {
      for (const variable of ['CPR_HASH_KEY_PREVIOUS', 'CPR_HASH_KEY_NEXT']) {
        const { cprKeys } = loadCaseloadConfig({ NODE_ENV: 'production', CPR_ENCRYPTION_KEY: one, CPR_HASH_KEY: hash, [variable]: previous });
        expect(cprKeys.hashKey.toString('base64')).toBe(hash);
        expect(cprKeys.transitionHashKey!.toString('base64')).toBe(previous);
      }
    });

    it.each([
      ['both the keyring and the single key', { CPR_ENCRYPTION_KEYS: `2:${two}`, CPR_ENCRYPTION_KEY: one }, ['CPR_ENCRYPTION_KEYS']],
      ['an entry without its key id', { CPR_ENCRYPTION_KEYS: `2:${two},${one}` }, ['CPR_ENCRYPTION_KEYS (entry 2)']],
      ['a key id twice', { CPR_ENCRYPTION_KEYS: `2:${two},2:${one}` }, ['CPR_ENCRYPTION_KEYS (entry 2)']],
      ['the same key under two ids', { CPR_ENCRYPTION_KEYS: `2:${two},1:${two}` }, ['CPR_ENCRYPTION_KEYS (entry 2)']],
      ['a key id 0', { CPR_ENCRYPTION_KEYS: `0:${two}` }, ['CPR_ENCRYPTION_KEYS']],
      ['a short key in the keyring', { CPR_ENCRYPTION_KEYS: `2:${key(16)},1:${one}` }, ['CPR_ENCRYPTION_KEYS (entry 1)']],
      ['an empty entry', { CPR_ENCRYPTION_KEYS: `2:${two},` }, ['CPR_ENCRYPTION_KEYS (entry 2)']],
      ['a previous hash key that is not base64', { CPR_ENCRYPTION_KEY: one, CPR_HASH_KEY_PREVIOUS: 'not base64 at all!' }, ['CPR_HASH_KEY_PREVIOUS']],
      ['a short next hash key', { CPR_ENCRYPTION_KEY: one, CPR_HASH_KEY_NEXT: key(16) }, ['CPR_HASH_KEY_NEXT']],
      ['the previous hash key the same as the current one', { CPR_ENCRYPTION_KEY: one, CPR_HASH_KEY_PREVIOUS: hash }, ['CPR_HASH_KEY_PREVIOUS']],
      ['a previous and a next hash key at once', { CPR_ENCRYPTION_KEY: one, CPR_HASH_KEY_PREVIOUS: previous, CPR_HASH_KEY_NEXT: key() }, ['CPR_HASH_KEY_NEXT']],
      ['a hash key that is one of the encryption keys', { CPR_ENCRYPTION_KEYS: `2:${two},1:${one}`, CPR_HASH_KEY_PREVIOUS: one }, ['CPR_HASH_KEY_PREVIOUS']],
    ])('refuses %s, naming the variable and never a key', (_case, env: Record<string, string>, variables) => {
      const problems = problemsOf({ NODE_ENV: 'production', CPR_HASH_KEY: hash, ...env });
      expect(problems.map((problem) => problem.split(':')[0])).toEqual(variables);
      for (const value of [one, two, hash, previous]) expect(problems.join('\n')).not.toContain(value);
    });

    it('outside production, a rotation variable alone is no reason to use the development keys', () => {
      expect(problemsOf({ CPR_HASH_KEY_PREVIOUS: previous }).map((problem) => problem.split(':')[0])).toEqual(['CPR_ENCRYPTION_KEY', 'CPR_HASH_KEY']);
      expect(problemsOf({ CPR_ENCRYPTION_KEYS: `2:${two}` }).map((problem) => problem.split(':')[0])).toEqual(['CPR_HASH_KEY']);
    });
  });

  it('refuses the same key for encryption and hashing', () => {
    const same = key();
    expect(problemsOf({ CPR_ENCRYPTION_KEY: same, CPR_HASH_KEY: same })).toEqual(['CPR_HASH_KEY: must differ from CPR_ENCRYPTION_KEY']);
  });
});
