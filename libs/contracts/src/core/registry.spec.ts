import { Type } from '@sinclair/typebox';
import { CitizenRegistered, CitizensStream } from '../caseload/citizens.stream';
import { EventEnvelope } from './envelope';
import { defineEvent } from './event-contract';
import { ContractRegistry, EventRejectedError } from './registry';

const goodPayload = {
  citizenId: '0b7e3c2a-1d4f-4a8b-9c6d-5e4f3a2b1c0d',
  birthDate: '1990-05-17',
  areaCode: 'tingbjerg',
  benefitType: 'cash-benefit',
  readiness: 'activity-ready',
  periodId: '5a0c7d1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f',
  periodOpenedOn: '2025-03-01',
  matchGroup: null,
  step: 0,
  interpreterNeeded: true,
  registeredAt: '2025-03-01T10:00:00Z',
};

const goodEnvelope: EventEnvelope = {
  id: '6f1c1d0e-6a8e-4c59-9d3e-2b1f0a7c9e11',
  source: '/fremskudt/caseload',
  type: CitizenRegistered.type,
  specversion: '1.0',
  time: '2025-03-01T10:00:00.123+01:00',
  subject: goodPayload.citizenId,
  tenant: 'kbh',
  datacontenttype: 'application/json',
  data: goodPayload,
};

const registry = new ContractRegistry([CitizenRegistered]);

function rejectionOf(action: () => unknown): EventRejectedError {
  try {
    action();
  } catch (error) {
    if (error instanceof EventRejectedError) return error;
    throw error;
  }
  throw new Error('expected an EventRejectedError');
}

const paths = (error: EventRejectedError) => [...new Set(error.fieldErrors.map((e) => e.path))].sort();

describe('ContractRegistry.validatePayload', () => {
  it('accepts a valid CitizenRegistered payload and returns its contract', () => {
    expect(registry.validatePayload(CitizenRegistered.type, goodPayload)).toBe(CitizenRegistered);
  });

  it('rejects missing fields, naming each path', () => {
    const { citizenId: _c, readiness: _r, ...payload } = goodPayload;
    const error = rejectionOf(() => registry.validatePayload(CitizenRegistered.type, payload));
    expect(error.reason).toBe('invalid-payload');
    expect(paths(error)).toEqual(['/citizenId', '/readiness']);
    expect(error.message).toContain('/citizenId');
    expect(error.message).toContain('/readiness');
  });

  it('rejects unknown fields (additionalProperties), naming each path', () => {
    const error = rejectionOf(() => registry.validatePayload(CitizenRegistered.type, { ...goodPayload, cpr: '010190-1234', name: 'x' }));
    expect(error.reason).toBe('invalid-payload');
    expect(paths(error)).toEqual(['/cpr', '/name']);
  });

  it('rejects wrongly-typed and badly-formatted fields, naming each path', () => {
    const error = rejectionOf(() =>
      registry.validatePayload(CitizenRegistered.type, {
        ...goodPayload,
        citizenId: 'not-a-uuid',
        birthDate: 19900517,
        areaCode: 'Tingbjerg Øst',
        benefitType: 'lottery',
        registeredAt: '2025-03-01',
      }),
    );
    expect(error.reason).toBe('invalid-payload');
    expect(paths(error)).toEqual(['/areaCode', '/benefitType', '/birthDate', '/citizenId', '/registeredAt']);
  });

  it('rejects a payload that is not an object', () => {
    const error = rejectionOf(() => registry.validatePayload(CitizenRegistered.type, 'hello'));
    expect(error.reason).toBe('invalid-payload');
  });

  it.each([
    ['an unknown type', 'dk.fremskudt.caseload.citizen-vanished.v1'],
    ['an unknown version', 'dk.fremskudt.caseload.citizen-registered.v2'],
  ])("rejects %s with reason 'unknown-event-type'", (_label, type) => {
    const error = rejectionOf(() => registry.validatePayload(type, goodPayload));
    expect(error.reason).toBe('unknown-event-type');
    expect(error.message).toContain(type);
  });
});

describe('ContractRegistry.validateEnvelope', () => {
  it('accepts a valid envelope and returns its contract', () => {
    expect(registry.validateEnvelope(goodEnvelope)).toBe(CitizenRegistered);
    expect(registry.validateEnvelope({ ...goodEnvelope, time: '2025-03-01T10:00:00Z' })).toBe(CitizenRegistered);
  });

  it.each([
    ['/id', { id: 'not-a-uuid' }],
    ['/id', { id: '' }],
    ['/tenant', { tenant: 'Kbh' }],
    ['/tenant', { tenant: 'k' }],
    ['/tenant', { tenant: '' }],
    ['/time', { time: 'yesterday' }],
    ['/time', { time: '' }],
    ['/time', { time: '1' }],
    ['/time', { time: '2025-03-01' }],
    ['/time', { time: 'Sat Mar 01 2025 10:00:00 GMT+0100' }],
    ['/time', { time: '2025-02-30T10:00:00Z' }],
    ['/time', { time: '2025-03-01T10:00:00' }],
    ['/specversion', { specversion: '0.3' }],
    ['/source', { source: '' }],
    ['/subject', { subject: '' }],
  ] as Array<[string, Partial<EventEnvelope>]>)("rejects a bad %s (%p) with reason 'invalid-envelope'", (path, change) => {
    const error = rejectionOf(() => registry.validateEnvelope({ ...goodEnvelope, ...change } as EventEnvelope));
    expect(error.reason).toBe('invalid-envelope');
    expect(paths(error)).toEqual([path]);
  });

  it('names every bad attribute at once', () => {
    const error = rejectionOf(() => registry.validateEnvelope({ ...goodEnvelope, id: 'x', tenant: 'X', time: 'never' }));
    expect(paths(error)).toEqual(['/id', '/tenant', '/time']);
    for (const path of ['/id ', '/tenant ', '/time ']) expect(error.message).toContain(path);
  });

  it('validates the payload of a valid envelope', () => {
    const error = rejectionOf(() => registry.validateEnvelope({ ...goodEnvelope, data: { ...goodPayload, areaCode: 7 } }));
    expect(error.reason).toBe('invalid-payload');
    expect(paths(error)).toEqual(['/areaCode']);
  });

  it("rejects an envelope of an unknown type with 'unknown-event-type'", () => {
    const error = rejectionOf(() => registry.validateEnvelope({ ...goodEnvelope, type: 'dk.fremskudt.caseload.citizen-registered.v9' }));
    expect(error.reason).toBe('unknown-event-type');
  });
});

describe('ContractRegistry construction', () => {
  it('throws when an event type is defined twice', () => {
    const twin = defineEvent({
      name: 'CitizenRegistered',
      version: 1,
      stream: CitizensStream,
      description: 'Another definition of the same type',
      schema: Type.Object({}),
      keyOf: () => 'x',
    });
    expect(() => new ContractRegistry([CitizenRegistered, twin])).toThrow(`Event type defined twice: ${CitizenRegistered.type}`);
  });

  it('lists its contracts and streams and finds by type', () => {
    expect(registry.contracts).toEqual([CitizenRegistered]);
    expect(registry.streams).toEqual([CitizensStream]);
    expect(registry.find(CitizenRegistered.type)).toBe(CitizenRegistered);
    expect(registry.find('dk.fremskudt.nothing.v1')).toBeUndefined();
  });
});
