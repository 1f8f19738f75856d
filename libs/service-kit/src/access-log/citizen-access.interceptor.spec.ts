import { ExecutionContext, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of, throwError } from 'rxjs';
import { NotFoundProblem } from '../http/problem';
import { CitizenAccessEntry, CitizenAccessLog } from './citizen-access-log';
import { CitizenAccess } from './citizen-access.decorator';
import { CitizenAccessInterceptor } from './citizen-access.interceptor';

const CITIZEN = '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';

class Endpoints {
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  read(): void {}

  @CitizenAccess({ action: 'read', citizenOf: (offer: { citizenId: string }) => offer.citizenId })
  readOffer(): void {}

  @CitizenAccess({ action: 'search', criterion: (request) => ({ name: request.query.name, cpr: request.query.cpr, list: ['a'] }) })
  search(): void {}

  @CitizenAccess({ action: 'change', citizenBody: 'citizenIds', onlyWithCitizen: true })
  logContact(): void {}

  @CitizenAccess({ action: 'change', citizenBody: 'citizenId', citizenOf: (visit: { citizenId: string | null }) => visit.citizenId, onlyWithCitizen: true })
  checkIn(): void {}

  notPersonal(): void {}
}

class Recorder extends CitizenAccessLog {
  readonly entries: CitizenAccessEntry[] = [];
  failing = false;
  async record(entry: CitizenAccessEntry): Promise<void> {
    if (this.failing) throw new Error('log down');
    this.entries.push(entry);
  }
}

const request = (overrides: Record<string, unknown> = {}) => ({
  method: 'GET',
  route: { path: '/citizens/:id' },
  params: { id: CITIZEN },
  query: {},
  headers: {},
  ...overrides,
});

const contextOf = (handler: () => void, req: object) =>
  ({ getType: () => 'http', getHandler: () => handler, getClass: () => Endpoints, switchToHttp: () => ({ getRequest: () => req }) }) as unknown as ExecutionContext;

describe('CitizenAccessInterceptor', () => {
  let log: Recorder;
  let interceptor: CitizenAccessInterceptor;
  beforeEach(() => {
    log = new Recorder();
    interceptor = new CitizenAccessInterceptor(new Reflector(), log);
  });

  const run = (handler: () => void, req: object, answer: () => unknown) =>
    lastValueFrom(
      interceptor.intercept(contextOf(handler, req), {
        handle: () => {
          const value = answer();
          return value instanceof Error ? throwError(() => value) : of(value);
        },
      }),
    );

  it('records an answered call with the citizen of the path and the purpose, after the handler', async () => {
    await expect(run(Endpoints.prototype.read, request({ headers: { 'x-purpose': 'Samtale' } }), () => ({ id: CITIZEN }))).resolves.toEqual({ id: CITIZEN });
    expect(log.entries).toEqual([{ action: 'read', citizenId: CITIZEN, purpose: 'Samtale', outcome: 'ok', method: 'GET', route: '/citizens/:id' }]);
  });

  it('takes the citizen from the answer when the path names something else; a path value is passed on as named (the log tells whether it is a citizen)', async () => {
    await run(Endpoints.prototype.readOffer, request({ params: {} }), () => ({ citizenId: CITIZEN }));
    await run(Endpoints.prototype.readOffer, request({ params: {} }), () => ({ citizenId: null }));
    await expect(run(Endpoints.prototype.read, request({ params: { id: 'not-a-uuid' } }), () => new NotFoundProblem('x'))).rejects.toBeInstanceOf(NotFoundProblem);
    await expect(run(Endpoints.prototype.read, request({ params: { id: 'x'.repeat(101) } }), () => new NotFoundProblem('x'))).rejects.toBeInstanceOf(NotFoundProblem);
    expect(log.entries.map(({ citizenId, outcome }) => ({ citizenId, outcome }))).toEqual([
      { citizenId: CITIZEN, outcome: 'ok' },
      { citizenId: undefined, outcome: 'ok' },
      { citizenId: 'not-a-uuid', outcome: 'not-found' },
      { citizenId: undefined, outcome: 'not-found' },
    ]);
  });

  it('writes one row per citizen a body names, and none for an answered call naming nobody where only citizens make it personal', async () => {
    const OTHER = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
    const post = (body: unknown) => request({ method: 'POST', route: { path: '/companies/:id/contacts' }, params: { id: 'company' }, body });
    await run(Endpoints.prototype.logContact, post({ citizenIds: [CITIZEN, OTHER, CITIZEN, 7] }), () => ({}));
    await run(Endpoints.prototype.logContact, post({ kind: 'call' }), () => ({}));
    await expect(run(Endpoints.prototype.logContact, post({ citizenIds: 'nonsense' }), () => new NotFoundProblem('x'))).rejects.toBeInstanceOf(NotFoundProblem);
    await expect(run(Endpoints.prototype.logContact, post(null), () => new Error('db down'))).rejects.toThrow('db down');
    expect(log.entries.map(({ citizenId, outcome }) => ({ citizenId, outcome }))).toEqual([
      { citizenId: CITIZEN, outcome: 'ok' },
      { citizenId: OTHER, outcome: 'ok' },
      { citizenId: 'nonsense', outcome: 'not-found' },
      { citizenId: undefined, outcome: 'failed' },
    ]);
  });

  it('prefers the citizen the request named, and takes the answer’s only when it named none', async () => {
    const checkIn = (body: object) => request({ method: 'POST', route: { path: '/desks/:deskId/visits' }, params: { deskId: 'desk' }, body });
    await run(Endpoints.prototype.checkIn, checkIn({ visitorKind: 'citizen-with-case', citizenId: CITIZEN }), () => ({ citizenId: CITIZEN }));
    await run(Endpoints.prototype.checkIn, checkIn({ visitorKind: 'anonymous' }), () => ({ citizenId: null }));
    await interceptor.accessDenied(contextOf(Endpoints.prototype.checkIn, checkIn({ visitorKind: 'anonymous' })));
    expect(log.entries.map(({ citizenId, outcome }) => ({ citizenId, outcome }))).toEqual([
      { citizenId: CITIZEN, outcome: 'ok' },
      { citizenId: undefined, outcome: 'denied' },
    ]);
  });

  it('records a failure as failed and passes the error on, also when its row cannot be written', async () => {
    await expect(run(Endpoints.prototype.read, request(), () => new Error('db down'))).rejects.toThrow('db down');
    expect(log.entries.map((entry) => entry.outcome)).toEqual(['failed']);
    log.failing = true;
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await expect(run(Endpoints.prototype.read, request(), () => new NotFoundProblem('x'))).rejects.toBeInstanceOf(NotFoundProblem);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ action: 'read' }), 'could not write the access log row of a failed request');
    logged.mockRestore();
  });

  it('fails closed: no answer leaves without its log row', async () => {
    log.failing = true;
    await expect(run(Endpoints.prototype.read, request(), () => ({ secret: 'data' }))).rejects.toThrow('log down');
  });

  it('refuses an invalid purpose before the handler and records the refusal', async () => {
    const handler = jest.fn(() => ({}));
    await expect(run(Endpoints.prototype.read, request({ headers: { 'x-purpose': '' } }), handler)).rejects.toMatchObject({ code: 'purpose-invalid' });
    expect(handler).not.toHaveBeenCalled();
    expect(log.entries.map((entry) => entry.outcome)).toEqual(['refused']);
  });

  it('keeps a criterion as text: CPR numbers out of free text, other values named by their type', async () => {
    await run(Endpoints.prototype.search, request({ query: { name: 'amina 010190-1234', cpr: '010190-1234' } }), () => []);
    expect(log.entries[0].criterion).toEqual({ name: 'amina [cpr]', cpr: '010190-1234', list: '[list]' });
  });

  it('leaves endpoints without a declaration alone', async () => {
    await run(Endpoints.prototype.notPersonal, request(), () => 'x');
    await interceptor.accessDenied(contextOf(Endpoints.prototype.notPersonal, request()));
    expect(log.entries).toEqual([]);
  });

  it('records a call the roles refused as denied, keeping a valid purpose only', async () => {
    await interceptor.accessDenied(contextOf(Endpoints.prototype.read, request({ headers: { 'x-purpose': 'Tjek' } })));
    await interceptor.accessDenied(contextOf(Endpoints.prototype.read, request({ headers: { 'x-purpose': 'x'.repeat(300) } })));
    expect(log.entries).toEqual([
      { action: 'read', citizenId: CITIZEN, purpose: 'Tjek', outcome: 'denied', method: 'GET', route: '/citizens/:id' },
      { action: 'read', citizenId: CITIZEN, purpose: undefined, outcome: 'denied', method: 'GET', route: '/citizens/:id' },
    ]);
  });
});
