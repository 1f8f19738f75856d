import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pinoHttp, { Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import { loggingParams } from './logging';

describe('logging to a file besides stdout (LOG_FILE)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'fremskudt-logging-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without a file, logs to stdout only at the service level', () => {
    const params = loggingParams('caseload', 'warn', {});
    expect(Array.isArray(params.pinoHttp)).toBe(false);
    expect(params.pinoHttp).toMatchObject({ level: 'warn', base: { service: 'caseload' } });
  });

  it('with a file, appends the same JSON lines there at the file’s own level, and the logger runs at the lower level', () => {
    const file = path.join(dir, 'nested', 'service.jsonl');
    const params = loggingParams('caseload', 'warn', { path: file, level: 'info' });
    const [options, stream] = params.pinoHttp as [Options, DestinationStream];
    expect(options.level).toBe('info');
    const { logger } = pinoHttp(options, stream);
    logger.debug('below both levels');
    logger.info({ cpr: '010190-1234', citizen: { cpr: '010190-1234' } }, 'info line');
    logger.warn('warn line');

    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.level, line.message, line.service])).toEqual([
      ['info', 'info line', 'caseload'],
      ['warn', 'warn line', 'caseload'],
    ]);
    // The same redaction as on stdout.
    expect([lines[0].cpr, lines[0].citizen.cpr]).toEqual(['[redacted]', '[redacted]']);
  });

  it('a second service in the same process appends to the same file', () => {
    const file = path.join(dir, 'shared.jsonl');
    for (const service of ['caseload', 'reporting']) {
      const [options, stream] = loggingParams(service, 'info', { path: file }).pinoHttp as [Options, DestinationStream];
      pinoHttp(options, stream).logger.info('started');
    }
    const services = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line).service);
    expect(services).toEqual(['caseload', 'reporting']);
  });
});
