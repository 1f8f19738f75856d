import { EntityManager } from 'typeorm';
import { AccessLogHooks } from './access-log-hooks';
import { DEFAULT_ACCESS_LOG_RETENTION_DAYS, readAccessLogRetention } from './access-log-config';

describe('ACCESS_LOG_RETENTION_DAYS', () => {
  it('is six months unless set, and any whole number of days from 30 to 3650', () => {
    expect(readAccessLogRetention({})).toEqual({ days: DEFAULT_ACCESS_LOG_RETENTION_DAYS });
    expect(DEFAULT_ACCESS_LOG_RETENTION_DAYS).toBe(183);
    expect(readAccessLogRetention({ ACCESS_LOG_RETENTION_DAYS: '' })).toEqual({ days: 183 });
    expect(readAccessLogRetention({ ACCESS_LOG_RETENTION_DAYS: '30' })).toEqual({ days: 30 });
    expect(readAccessLogRetention({ ACCESS_LOG_RETENTION_DAYS: '3650' })).toEqual({ days: 3650 });
  });

  it.each(['29', '3651', 'half a year', '-40', '90.5'])('refuses %p, naming the variable', (value) => {
    expect(readAccessLogRetention({ ACCESS_LOG_RETENTION_DAYS: value })).toEqual({ problem: expect.stringMatching(/^ACCESS_LOG_RETENTION_DAYS: .*30 to 3650/) });
  });
});

describe('AccessLogHooks (the defaults)', () => {
  const hooks = new AccessLogHooks();
  const manager = {} as EntityManager;

  it('takes a UUID for the citizen id (lower case) and anything else for nobody', async () => {
    await expect(hooks.citizenIdOf('7B0C1D2E-3F40-4A5B-8C6D-7E8F9A0B1C2D', manager)).resolves.toBe('7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d');
    await expect(hooks.citizenIdOf('Qm9yZ2VyIHBzZXVkb255bQ', manager)).resolves.toBeNull();
  });

  it('never keeps a CPR number a criterion names', () => {
    expect(hooks.protectCriterion({ list: 'x', cpr: '010190-1234' })).toEqual({ list: 'x', cpr: '[cpr]' });
    expect(hooks.protectCriterion({ list: 'x' })).toEqual({ list: 'x' });
  });
});
