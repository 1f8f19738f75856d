import { Logger } from '@nestjs/common';
import { TenantContext } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { CitizenAccessEntry, CitizenAccessLog, LoggingCitizenAccessLog, maskCpr, recordingAccess } from './citizen-access-log';

describe('maskCpr', () => {
  it.each([
    ['010190-1234', '010190****'],
    ['0101901234', '010190****'],
  ])('%s → %s', (cpr, masked) => expect(maskCpr(cpr)).toBe(masked));
});

describe('LoggingCitizenAccessLog', () => {
  let logged: unknown[];
  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.push(message));
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes one structured line with the tenant, never the CPR serial', async () => {
    await TenantContext.run('kbh', () =>
      new LoggingCitizenAccessLog().record({ action: 'search', criterion: { cpr: '010190-1234', name: 'amina' }, outcome: 'ok' }),
    );
    expect(logged).toEqual([
      { message: 'citizen access', access: { tenant: 'kbh', action: 'search', criterion: { cpr: '010190****', name: 'amina' }, outcome: 'ok' } },
    ]);
    expect(JSON.stringify(logged)).not.toContain('1234');
  });

  it('masks a CPR number given without a dash', async () => {
    await TenantContext.run('kbh', () => new LoggingCitizenAccessLog().record({ action: 'search', criterion: { cpr: '0101901234' }, outcome: 'not-found' }));
    expect(JSON.stringify(logged)).not.toContain('1234');
    expect(logged[0]).toMatchObject({ access: { criterion: { cpr: '010190****' } } });
  });

  it('logs reads and changes by citizen id', async () => {
    const citizenId = '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
    await TenantContext.run('kbh', () => new LoggingCitizenAccessLog().record({ action: 'read', citizenId, outcome: 'ok' }));
    expect(logged).toEqual([{ message: 'citizen access', access: { tenant: 'kbh', action: 'read', citizenId, outcome: 'ok' } }]);
  });
});

describe('recordingAccess', () => {
  class Recorder extends CitizenAccessLog {
    readonly entries: CitizenAccessEntry[] = [];
    async record(entry: CitizenAccessEntry): Promise<void> {
      this.entries.push(entry);
    }
  }

  it('records ok, with the citizen id taken from the answer when asked', async () => {
    const log = new Recorder();
    await expect(recordingAccess(log, { action: 'register' }, async () => ({ id: 'c1' }), (view) => view.id)).resolves.toEqual({ id: 'c1' });
    expect(log.entries).toEqual([{ action: 'register', citizenId: 'c1', outcome: 'ok' }]);
  });

  it('records not-found and refused, and passes the error on', async () => {
    const log = new Recorder();
    await expect(recordingAccess(log, { action: 'read', citizenId: 'c1' }, () => Promise.reject(new NotFoundProblem('x')))).rejects.toBeInstanceOf(NotFoundProblem);
    await expect(recordingAccess(log, { action: 'change', citizenId: 'c1' }, () => Promise.reject(new ConflictProblem('a', 'b')))).rejects.toBeInstanceOf(ConflictProblem);
    expect(log.entries.map((entry) => entry.outcome)).toEqual(['not-found', 'refused']);
  });

  it('records nothing for an internal failure (no answer about the citizen was given)', async () => {
    const log = new Recorder();
    await expect(recordingAccess(log, { action: 'read', citizenId: 'c1' }, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(log.entries).toEqual([]);
  });
});
