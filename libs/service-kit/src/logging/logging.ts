import { Logger as NestLogger } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { MessagingLogger } from '@fremskudt/messaging';
import { TenantContext } from '@fremskudt/persistence';

/** Fields that may hold personal data or secrets are never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.cpr',
  '*.password',
  'req.body',
];

/** Structured JSON logs (pino) with the service name and the tenant of the request. */
export function loggingParams(serviceName: string, level: string): Params {
  return {
    pinoHttp: {
      level,
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
    },
  };
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
