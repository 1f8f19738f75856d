import { parseArgs } from 'node:util';
import { seedTenant } from './tenant-seed';

/**
 * `npm run seed -- --tenant kbh --token <bearer token> [--url http://127.0.0.1:3001] [--consultants-per-team 5] [--caseload-size 30]
 *   [--until YYYY-MM-DD] [--seed 2014] [--concurrency 8]`
 * Fills a tenant of a running caseload service through its public API (see tenant-seed.ts) and
 * prints the summary as one JSON line. Running it again with the same options on the same tenant
 * (the same --until; without it, until is today, so: the same day) adds nothing: every command is
 * answered from the command log.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.CASELOAD_URL ?? 'http://127.0.0.1:3001' },
      tenant: { type: 'string', default: 'kbh' },
      token: { type: 'string', default: process.env.FREMSKUDT_TOKEN },
      'consultants-per-team': { type: 'string', default: '5' },
      'caseload-size': { type: 'string', default: '30' },
      until: { type: 'string' },
      seed: { type: 'string', default: '2014' },
      concurrency: { type: 'string', default: '8' },
    },
  });
  const integer = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, got ${values[name]}`);
    return value;
  };
  if (!values.token) {
    throw new Error(
      `--token (or FREMSKUDT_TOKEN) is required: a bearer token for the tenant with the roles tenant-admin and unit-lead; locally: node deploy/local/oidc/oidc.mjs token seed ${values.tenant} tenant-admin,unit-lead`,
    );
  }
  const started = Date.now();
  const summary = await seedTenant({
    baseUrl: values.url!,
    tenant: values.tenant!,
    accessToken: values.token,
    consultantsPerTeam: integer('consultants-per-team'),
    caseloadSize: integer('caseload-size'),
    until: values.until,
    seed: integer('seed'),
    concurrency: integer('concurrency'),
    log: (line) => process.stderr.write(`seed: ${line}\n`),
  });
  process.stdout.write(`${JSON.stringify({ ...summary, seconds: Math.round((Date.now() - started) / 100) / 10 })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed: error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
