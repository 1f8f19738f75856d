// Jest globalSetup for integration and e2e suites: makes sure the real infrastructure is up.
// Kafka: the project's own broker (idempotent start; parallel jest processes share one broker
// and isolate themselves by topic prefix). Set KAFKA_BROKERS to use an existing broker instead.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, '../../..');
  if (!process.env.KAFKA_BROKERS) {
    execFileSync('bash', [path.join(root, 'deploy/local/kafka/kafka.sh'), 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  // The local OIDC provider issues the suites' tokens (idempotent start, shared like the broker).
  execFileSync(process.execPath, [path.join(root, 'deploy/local/oidc/oidc.mjs'), 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: adminUrl });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${adminUrl.replace(/:[^:@/]+@/, ':***@')}: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
};
