import { KafkaMessage } from 'kafkajs';
import { deadLetterHeaders } from './dead-letter';
import { isInfrastructureError } from './infrastructure-errors';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './messaging-config';

describe('retry backoff', () => {
  it('doubles from the initial delay and stops at the maximum', () => {
    const policy = { maxAttempts: 10, initialBackoffMs: 100, maxBackoffMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('retries a few times by default before dead-lettering', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 0)).toBe(DEFAULT_RETRY_POLICY.initialBackoffMs);
  });
});

describe('dead-letter headers', () => {
  const message = { offset: '41', key: Buffer.from('k'), value: Buffer.from('v'), timestamp: '0', attributes: 0, headers: { ce_id: Buffer.from('abc') } } as KafkaMessage;

  it('keep the original headers and add where, why and when', () => {
    const headers = deadLetterHeaders(
      'kbh.reporting',
      { sourceTopic: 'kbh.caseload.citizens.v1', partition: 2, message, reason: 'invalid-payload', error: 'Payload does not match', attempts: 0 },
      new Date('2026-01-02T03:04:05.000Z'),
    );
    expect(headers).toEqual({
      ce_id: Buffer.from('abc'),
      dlt_reason: 'invalid-payload',
      dlt_error: 'Payload does not match',
      dlt_source_topic: 'kbh.caseload.citizens.v1',
      dlt_source_partition: '2',
      dlt_source_offset: '41',
      dlt_consumer_group: 'kbh.reporting',
      dlt_attempts: '0',
      dlt_failed_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('cut a very long error text', () => {
    const headers = deadLetterHeaders('g', { sourceTopic: 't', partition: 0, message, reason: 'handler-failed', error: 'x'.repeat(10_000), attempts: 3 });
    expect(String(headers.dlt_error)).toHaveLength(4_000);
  });
});

describe('infrastructure errors', () => {
  it.each([
    [{ code: '08006', message: 'connection failure' }],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [{ message: 'Connection terminated unexpectedly' }],
    [{ driverError: { code: '57P01' }, message: 'terminating connection due to administrator command' }],
  ])('%j is an outage, not a bad event', (error) => expect(isInfrastructureError(error)).toBe(true));

  it.each([[new Error('handler always fails')], [{ code: '23505', message: 'duplicate key' }], [undefined]])(
    '%j is not an outage',
    (error) => expect(isInfrastructureError(error)).toBe(false),
  );
});
