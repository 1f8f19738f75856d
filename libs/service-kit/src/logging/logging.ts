import { Logger as NestLogger } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import pino, { DestinationStream, Level, LevelWithSilent } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';
import { MessagingLogger } from '@fremskudt/messaging';
import { TenantContext } from '@fremskudt/persistence';

/** Fields that may hold personal data or secrets are never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  // `*.cpr` is one level down only: a CPR number logged as a top-level field needs its own path.
  'cpr',
  '*.cpr',
  '*.password',
  'req.body',
];

/** A copy of the logs in a file: where, and from which level (the service's unless given). */
export interface LogFileOptions {
  path?: string;
  level?: string;
}

/**
 * `LOG_FILE` (optional) names a file the same JSON lines are appended to besides stdout, at
 * `LOG_FILE_LEVEL`: the end-to-end suites keep the in-process services' logs at info in a file to
 * scan them for personal data while their own output stays quiet. Read from the environment, not
 * the validated config: where a test runner or an operator wants a copy is a property of the
 * process, not of the service.
 */
const logFileFromEnvironment = (): LogFileOptions => ({ path: process.env.LOG_FILE || undefined, level: process.env.LOG_FILE_LEVEL || undefined });

/** One destination per file per process: several services in one process append to the same file. */
const fileDestinations = new Map<string, DestinationStream>();

function fileDestination(path: string): DestinationStream {
  let destination = fileDestinations.get(path);
  if (!destination) {
    // Synchronous appends: a line is on disk when the call returns, so nothing is lost when a test
    // process or a service exits without flushing; lines from several services never interleave.
    destination = pino.destination({ dest: path, append: true, mkdir: true, sync: true });
    fileDestinations.set(path, destination);
  }
  return destination;
}

const levelValue = (level: string): number => pino.levels.values[level] ?? Infinity;

/**
 * stdout at the service's level and, with a log file, the file at its own level; the logger itself
 * runs at the lower of the two so each stream gets what its level lets through.
 */
function destinations(level: string, file: LogFileOptions): { level: string; stream?: DestinationStream } {
  if (!file.path) return { level };
  const fileLevel = file.level ?? level;
  const streams = [
    { level: level as Level, stream: pino.destination(1) },
    { level: fileLevel as Level, stream: fileDestination(file.path) },
  ].filter((entry) => (entry.level as LevelWithSilent) !== 'silent');
  const lowest = levelValue(fileLevel) < levelValue(level) ? fileLevel : level;
  return { level: lowest, stream: pino.multistream(streams) };
}

/** Structured JSON logs (pino) with the service name and the tenant of the request. */
export function loggingParams(serviceName: string, level: string, logFile: LogFileOptions = logFileFromEnvironment()): Params {
  const output = destinations(level, logFile);
  const options: HttpLoggerOptions = {
    level: output.level,
    base: { service: serviceName },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    messageKey: 'message',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    customProps: () => ({ tenant: TenantContext.peekTenant() }),
    autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/health') },
    serializers: {
      // Query strings can carry search criteria (names, CPR): log the path only.
      req: (request: { method: string; url: string; id: unknown }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
    },
  };
  return { pinoHttp: output.stream ? [options, output.stream] : options };
}

/** Adapts Nest's logger (pino underneath) to the messaging library's logger interface. */
export function messagingLogger(context: string): MessagingLogger {
  const logger = new NestLogger(context);
  return {
    log: (message, fields) => logger.log({ ...fields, message }),
    warn: (message, fields) => logger.warn({ ...fields, message }),
    error: (message, fields) => logger.error({ ...fields, message }),
  };
}
