/**
 * Benchmark: registering a whole visit at the desk (POST /desks/:id/visits/registrations), the
 * request a consultant makes with the citizen waiting. Runs the real service in-process against
 * real PostgreSQL and Kafka and reports its latency as a ratio against a baseline measured in the
 * same run and interleaved with it: a tenant-scoped read of the desk (GET /desks/:id) through the
 * same HTTP stack and database. Machines here are noisy; the ratio is the figure, the
 * milliseconds are context.
 *
 *   npx nx bench counselling          (BENCH_REQUESTS=400 by default)
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { asUser, startTestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { AppModule, counsellingService } from '../src/app.module';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const WARM_UP = 30;
const TENANT = 'bench';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  if (!process.env.KAFKA_BROKERS) execFileSync('bash', [path.resolve(__dirname, '../../../deploy/local/kafka/kafka.sh'), 'start'], { stdio: 'inherit' });
  const service = await startTestService(counsellingService, AppModule.forRoot, { topicPrefix: uniqueTopicPrefix('bench-registration') });
  try {
    const sql = service.database.inspect.bind(service.database);
    const deskId = randomUUID();
    const staffId = randomUUID();
    await sql(`INSERT INTO desk (id, tenant_id, area_code, name, location) VALUES ($1, $2, 'tingbjerg', 'Bænk', 'Beboerhuset')`, [deskId, TENANT]);
    await sql(
      `INSERT INTO desk_session (id, tenant_id, desk_id, date, opened_at, planned_close_at)
       VALUES ($1, $2, $3, (now() AT TIME ZONE 'Europe/Copenhagen')::date, now() - interval '1 hour', now() + interval '2 hours')`,
      [randomUUID(), TENANT, deskId],
    );
    await sql(`INSERT INTO staff_member (id, tenant_id, role, team_code, area_codes, active) VALUES ($1, $2, 'job-consultant', 'team', '{tingbjerg}', true)`, [
      staffId,
      TENANT,
    ]);
    const citizens = Array.from({ length: REQUESTS + WARM_UP }, () => randomUUID());
    await sql(
      `INSERT INTO case_citizen (citizen_id, tenant_id, area_code, active) SELECT unnest($1::uuid[]), $2, 'tingbjerg', true`,
      [citizens, TENANT],
    );

    const registration = (citizenId: string) => {
      const now = Date.now();
      return {
        visitorKind: 'citizen-with-case',
        citizenId,
        arrival: 'walk-in',
        staffId,
        checkedInAt: new Date(now - 40 * 60_000).toISOString(),
        talkStartedAt: new Date(now - 30 * 60_000).toISOString(),
        endedAt: new Date(now - 60_000).toISOString(),
        topics: ['hours-rule', 'letters-from-authorities'],
        actions: ['advice', 'follow-up-interview-held'],
      };
    };
    const timed = async (call: () => request.Test, expected: number): Promise<number> => {
      const started = performance.now();
      const response = await call();
      const elapsed = performance.now() - started;
      if (response.status !== expected) throw new Error(`answered ${response.status}, not ${expected}: ${JSON.stringify(response.body)}`);
      return elapsed;
    };
    const register = (citizenId: string) =>
      timed(() => request(service.http).post(`/desks/${deskId}/visits/registrations`).use(asUser(TENANT)).send(registration(citizenId)), 201);
    const readDesk = () => timed(() => request(service.http).get(`/desks/${deskId}`).use(asUser(TENANT)), 200);

    for (let i = 0; i < WARM_UP; i += 1) {
      await register(citizens[REQUESTS + i]);
      await readDesk();
    }
    const registrations: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      // Interleaved, so both see the same machine at the same moments.
      registrations.push(await register(citizens[i]));
      baseline.push(await readDesk());
    }
    const target = summary(registrations);
    const base = summary(baseline);
    const result = {
      benchmark: 'counselling: register a whole visit in one request',
      requests: REQUESTS,
      registration: { p50: ms(target.p50), p95: ms(target.p95), max: ms(target.max) },
      baselineReadDesk: { p50: ms(base.p50), p95: ms(base.p95), max: ms(base.max) },
      ratioP50: Number((target.p50 / base.p50).toFixed(2)),
      ratioP95: Number((target.p95 / base.p95).toFixed(2)),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await service.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
