import { uniqueTopicPrefix, waitFor } from './test-infrastructure';
import { TOPIC_PREFIX_PATTERN } from '@fremskudt/contracts';

describe('test helpers', () => {
  it('make topic prefixes that are unique and valid', () => {
    const prefixes = new Set(Array.from({ length: 50 }, () => uniqueTopicPrefix('caseload')));
    expect(prefixes.size).toBe(50);
    for (const prefix of prefixes) expect(prefix).toMatch(TOPIC_PREFIX_PATTERN);
  });

  it('waitFor returns the first truthy value and reports what it waited for on time-out', async () => {
    let calls = 0;
    await expect(waitFor(async () => (++calls >= 3 ? 'done' : null), { intervalMs: 1 })).resolves.toBe('done');
    expect(calls).toBe(3);
    await expect(waitFor(async () => false, { timeoutMs: 30, intervalMs: 5, what: 'the impossible' })).rejects.toThrow(/the impossible/);
  });
});
