/**
 * Errors that say the database (or network) is away, not that the event is bad. A consumer must
 * not dead-letter an event for these: it stops and retries the batch later from its committed
 * offset, so an outage delays events instead of discarding them.
 */
export function isInfrastructureError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? (error as { driverError?: { code?: unknown } })?.driverError?.code ?? '');
  const message = (error as Error)?.message ?? '';
  return (
    code.startsWith('08') || // connection exceptions
    code === '57P01' || // admin shutdown
    code === '57P03' || // cannot connect now
    code === '53300' || // too many connections
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)
  );
}
