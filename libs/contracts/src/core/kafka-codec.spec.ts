import { EventEnvelope } from './envelope';
import { decodeKafkaRecord, encodeKafkaRecord, KafkaRecord } from './kafka-codec';
import { EventRejectedError } from './registry';

const envelope: EventEnvelope = {
  id: '6f1c1d0e-6a8e-4c59-9d3e-2b1f0a7c9e11',
  source: '/fremskudt/caseload',
  type: 'dk.fremskudt.caseload.citizen-registered.v1',
  specversion: '1.0',
  time: '2025-03-01T10:00:00.000Z',
  subject: '0b7e3c2a-1d4f-4a8b-9c6d-5e4f3a2b1c0d',
  tenant: 'kbh',
  datacontenttype: 'application/json',
  data: { citizenId: '0b7e3c2a-1d4f-4a8b-9c6d-5e4f3a2b1c0d', areaCode: 'tingbjerg', nested: { list: [1, 'two', null] } },
};
const KEY = '0b7e3c2a-1d4f-4a8b-9c6d-5e4f3a2b1c0d';

const rejection = (record: KafkaRecord): EventRejectedError => {
  try {
    decodeKafkaRecord(record);
  } catch (error) {
    if (error instanceof EventRejectedError) return error;
    throw error;
  }
  throw new Error('expected the record to be rejected');
};

describe('encodeKafkaRecord', () => {
  it('uses CloudEvents binary content mode: ce_* headers, content-type, JSON payload as value, aggregate id as key', () => {
    const record = encodeKafkaRecord({ ...envelope, correlationid: 'corr-1' }, KEY);
    expect(record).toEqual({
      key: KEY,
      value: JSON.stringify(envelope.data),
      headers: {
        'content-type': 'application/json',
        ce_id: envelope.id,
        ce_source: envelope.source,
        ce_type: envelope.type,
        ce_specversion: '1.0',
        ce_time: envelope.time,
        ce_subject: envelope.subject,
        ce_tenant: 'kbh',
        ce_correlationid: 'corr-1',
      },
    });
  });
});

describe('decodeKafkaRecord', () => {
  it('round-trips an envelope without optional attributes', () => {
    expect(decodeKafkaRecord(encodeKafkaRecord(envelope, KEY))).toEqual(envelope);
  });

  it('round-trips correlation and causation ids', () => {
    const traced = { ...envelope, correlationid: 'corr-1', causationid: '2d3a4b5c-6d7e-4f80-9a1b-2c3d4e5f6a7b' };
    const decoded = decodeKafkaRecord(encodeKafkaRecord(traced, KEY));
    expect(decoded).toEqual(traced);
  });

  it('rejects a record missing CloudEvents headers as malformed, naming each missing header', () => {
    const { headers, ...rest } = encodeKafkaRecord(envelope, KEY);
    const { ce_id: _id, ce_tenant: _tenant, ...remaining } = headers;
    const error = rejection({ ...rest, headers: remaining });

    expect(error.reason).toBe('malformed-message');
    expect(error.fieldErrors.map((e) => e.path)).toEqual(['/headers/ce_id', '/headers/ce_tenant']);
    expect(error.message).toContain('/headers/ce_id');
    expect(error.message).toContain('/headers/ce_tenant');
  });

  it('names every required header when there are none', () => {
    const error = rejection({ key: KEY, value: '{}', headers: {} });
    expect(error.reason).toBe('malformed-message');
    expect(error.fieldErrors.map((e) => e.path).sort()).toEqual(
      ['id', 'source', 'type', 'specversion', 'time', 'subject', 'tenant'].map((name) => `/headers/ce_${name}`).sort(),
    );
  });

  it.each([
    ['not JSON', '{"citizenId": '],
    ['plain text', 'hello'],
    ['empty', ''],
    ['null value', null],
  ])('rejects a value that is %s as malformed', (_label, value) => {
    const error = rejection({ ...encodeKafkaRecord(envelope, KEY), value });
    expect(error.reason).toBe('malformed-message');
    expect(error.message).toMatch(/not JSON/);
  });

  it('rejects a content-type other than JSON as malformed', () => {
    const record = encodeKafkaRecord(envelope, KEY);
    const error = rejection({ ...record, headers: { ...record.headers, 'content-type': 'application/avro' } });
    expect(error.reason).toBe('malformed-message');
    expect(error.message).toContain('application/avro');
  });
});
