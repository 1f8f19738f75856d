import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { MessagingConfig } from './messaging-config';

export interface MessagingLogger {
  log(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** kafkajs logs through the service's structured logger instead of its own console format. */
function logCreator(logger: MessagingLogger) {
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...rest } = log;
      const context = { kafka: rest };
      if (level <= logLevel.ERROR) logger.error(`kafka: ${message}`, context);
      else if (level === logLevel.WARN) logger.warn(`kafka: ${message}`, context);
    };
}

export function createKafka(config: MessagingConfig, logger: MessagingLogger, purpose = 'main'): Kafka {
  return new Kafka({
    clientId: `${config.serviceName}-${purpose}`,
    brokers: config.brokers,
    ssl: config.ssl,
    sasl: config.sasl,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000 },
    logLevel: logLevel.WARN,
    logCreator: logCreator(logger),
  });
}
