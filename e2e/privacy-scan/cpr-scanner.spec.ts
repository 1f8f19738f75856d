import { birthYear, findCprs, isCprDate, maskCpr } from './cpr-scanner';
import { describeTally, emptyTally, scanErrorText, scanLogText, scanTopicMessage } from './privacy-scan';

describe('the CPR scan of an e2e run', () => {
  const none = new Set<string>();

  it('finds a CPR number with or without the dash when its date exists, and masks its serial', () => {
    expect(findCprs('cpr 010190-1234 and 3112991235.')).toEqual([
      { offset: 4, line: 1, column: 5, masked: '010190-XXXX', kind: 'pattern' },
      { offset: 20, line: 1, column: 21, masked: '311299-XXXX', kind: 'pattern' },
    ]);
    expect(findCprs('first line\n  "x":"150575-0003"')).toEqual([expect.objectContaining({ line: 2, column: 8, masked: '150575-XXXX' })]);
    expect(maskCpr('0101901234')).toBe('010190-XXXX');
  });

  it('checks the date only (CPR numbers since 2007 need not pass modulus 11), with the century from the seventh digit', () => {
    // 010190-0001 fails the old modulus-11 check but is a valid number today.
    expect(isCprDate('010190', '0001')).toBe(true);
    expect(isCprDate('320190', '0001')).toBe(false);
    expect(isCprDate('011390', '0001')).toBe(false);
    expect(isCprDate('000190', '0001')).toBe(false);
    // 29 February 2000 exists (serial 4xxx, year 00 → 2000); 29 February 1900 does not (serial 0xxx).
    expect(birthYear(0, 4)).toBe(2000);
    expect(birthYear(0, 0)).toBe(1900);
    expect(birthYear(60, 5)).toBe(1860);
    expect(isCprDate('290200', '4000')).toBe(true);
    expect(isCprDate('290200', '0000')).toBe(false);
    expect(findCprs('310490-1234 and 290201-1234')).toEqual([]);
  });

  it('ignores uuids, ISO times, epoch milliseconds, longer numbers and decimals', () => {
    const text = [
      '{"id":"01019012-3456-4a5b-8c6d-010190123456","eventId":"7b0c1d2e-3f40-4a5b-8c6d-0101901234ab"}',
      '"time":"2026-01-01T10:19:01.123Z","at":1767262741123,"n":101019012345,"hex":"ab0101901234"',
      '"realised":0.0101901234,"x":0101901234.5',
    ].join('\n');
    expect(findCprs(text)).toEqual([]);
  });

  it("finds the fixtures' own numbers even where the date does not exist", () => {
    const known = new Set(['3201901234']);
    expect(findCprs('{"cpr":"320190-1234"}', known)).toEqual([expect.objectContaining({ masked: '320190-XXXX', kind: 'known' })]);
    expect(findCprs('{"cpr":"320190-1234"}')).toEqual([]);
  });

  it('finds a CPR number in a log line, a Kafka message and an error body, and reports where without the number', () => {
    const tally = emptyTally();
    scanLogText(
      'logs-1.jsonl',
      [
        '{"level":"info","service":"caseload","req":{"path":"/citizens/7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"},"message":"request completed"}',
        '{"level":"error","service":"caseload","message":"duplicate key (cpr)=(010190-1234) already exists"}',
      ].join('\n'),
      none,
      tally,
    );
    scanTopicMessage(
      {
        topic: 'test.e2e-x.t1.caseload.citizens.v1',
        partition: 2,
        offset: '17',
        key: '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
        value: '{"citizenId":"7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d","birthDate":"1990-01-01"}',
        headers: { ce_subject: '0101901234', ce_time: '2026-01-01T10:00:00.000Z' },
      },
      none,
      tally,
    );
    scanErrorText(
      'errors-1.jsonl',
      `${JSON.stringify({ suite: 'x.e2e-spec.ts', method: 'POST', path: '/citizens', status: 409, body: '{"detail":"Borgeren 150575-0003 findes allerede"}' })}\n`,
      none,
      tally,
    );
    expect(tally).toMatchObject({ logLines: 2, topicMessages: 1, errorAnswers: 1 });
    expect(tally.findings).toEqual([
      { where: 'logs-1.jsonl:2:71', masked: '010190-XXXX' },
      { where: 'test.e2e-x.t1.caseload.citizens.v1[2]@17 header ce_subject, offset 0', masked: '010190-XXXX' },
      { where: 'errors-1.jsonl:1 (x.e2e-spec.ts: POST /citizens → 409, offset 20)', masked: '150575-XXXX' },
    ]);
    const report = describeTally(tally, 1);
    expect(report).toContain('3 CPR number(s) found');
    expect(report).not.toMatch(/1234|0003/);
  });

  it('reports a clean run as such', () => {
    const tally = emptyTally();
    scanLogText('logs-1.jsonl', '{"message":"request completed","time":"2026-01-01T10:19:01.123Z"}\n', none, tally);
    expect(describeTally(tally, 0)).toBe('privacy scan: 1 log lines, 0 error answers, 0 messages on 0 topics: no CPR number');
  });
});
