import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';

export interface ShutdownLogger {
  log(message: unknown): void;
  warn(message: unknown): void;
  error(message: unknown): void;
}

export interface GracefulShutdownOptions {
  /** Longest wait for requests in flight once the port is closed. */
  httpDrainMs?: number;
  /** Hard limit for the whole shutdown; past it the process exits 1 (Kubernetes would SIGKILL). */
  deadlineMs?: number;
  /** How the process ends; tests replace it. */
  exit?: (code: number) => void;
}

/**
 * Closes the HTTP server and waits for the requests in flight. `server.close()` stops accepting
 * connections at once and closes idle keep-alive connections; a connection busy with a request
 * becomes idle when its response is written, so idle connections are closed again until none
 * is left. After `timeoutMs` the remaining connections are cut.
 */
export function closeHttpServer(server: Server, timeoutMs: number): Promise<'drained' | 'timed-out'> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve('drained');
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      finish('timed-out');
    }, timeoutMs);
    let finished = false;
    const finish = (outcome: 'drained' | 'timed-out') => {
      if (finished) return;
      finished = true;
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(outcome);
    };
    // Responses written from now on ask the client to close its connection, so no keep-alive
    // connection waits for a next request that would never be served.
    server.on('request', (_request, response) => {
      if (!response.headersSent) response.setHeader('connection', 'close');
    });
    server.close(() => finish('drained'));
    server.closeIdleConnections();
  });
}

/**
 * SIGTERM (Kubernetes, `npm start`'s Ctrl-C) in this order, so nothing accepted is lost:
 * 1. stop taking requests and finish those in flight (HTTP server closed first, unlike Nest's
 *    own shutdown hooks, which close it only after the providers' shutdown hooks ran);
 * 2. then Nest's shutdown hooks: the consumer leaves its group after its batch in flight, the
 *    outbox relay publishes what the last requests wrote and stops, the producer disconnects
 *    (MessagingRuntime.stop), and the database pool closes (PlatformModule);
 * 3. exit 0. A second signal is ignored; the deadline forces exit 1.
 */
export function handleShutdownSignals(
  app: INestApplication,
  logger: ShutdownLogger,
  { httpDrainMs = 20_000, deadlineMs = 40_000, exit = (code) => process.exit(code) }: GracefulShutdownOptions = {},
): { shutdown: (reason: string) => Promise<void> } {
  let stopping: Promise<void> | null = null;

  const shutdown = (reason: string): Promise<void> => {
    if (stopping) {
      logger.warn({ message: `${reason} during shutdown: ignored, shutdown continues` });
      return stopping;
    }
    const startedAt = Date.now();
    logger.log({ message: 'shutting down', reason });
    const deadline = setTimeout(() => {
      logger.error({ message: `shutdown did not finish within ${deadlineMs} ms; exiting` });
      exit(1);
    }, deadlineMs);
    deadline.unref();
    stopping = (async () => {
      try {
        const http = await closeHttpServer(app.getHttpServer() as Server, httpDrainMs);
        logger.log({ message: 'http server closed', requestsInFlight: http === 'drained' ? 'finished' : 'cut off' });
        await app.close();
        logger.log({ message: 'shut down', durationMs: Date.now() - startedAt });
        clearTimeout(deadline);
        exit(0);
      } catch (error) {
        logger.error({ message: 'shutdown failed', error: (error as Error).message });
        clearTimeout(deadline);
        exit(1);
      }
    })();
    return stopping;
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));
  return { shutdown };
}
