import { randomUUID } from 'node:crypto';
import { roleOf, runMigrations } from '@fremskudt/persistence';
import { createTestDatabase, TestDatabase } from '@fremskudt/testing';
import { caseloadService } from '../src/app.module';
import { loadCaseloadConfig } from '../src/privacy/caseload-config';
import { CprProtector } from '../src/privacy/cpr-protection';
import { caseloadTestbed, KBH, SLAGELSE } from './support/testbed';

/** The keys the service runs with in the suites (no CPR_* variables outside production). */
const developmentKeys = new CprProtector(loadCaseloadConfig({ NODE_ENV: 'test' }).cprKeys);
/** Ten digits anywhere, also inside hex or base64 text. */
const TEN_DIGITS = /\d{10}/;

describe('caseload: CPR numbers at rest (real PostgreSQL)', () => {
  const testbed = caseloadTestbed('cpr-at-rest', { probe: false });
  const { api, inspect } = testbed;
  const registration = (cpr: string) => ({ cpr, name: 'Amina Hassan', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' });

  it('stores the CPR number only encrypted, with a keyed hash: no ten digits anywhere in the row', async () => {
    const cpr = '150392-4417';
    const id = (await api().post('/citizens', registration(cpr)).expect(201)).body.id;

    const [row] = await inspect<Record<string, unknown>>(`SELECT * FROM citizen WHERE id = $1`, [id]);
    expect(Object.keys(row)).not.toContain('cpr');
    const asText = JSON.stringify(row, (_key, value) => (value?.type === 'Buffer' ? Buffer.from(value.data).toString('latin1') : value));
    expect(asText).not.toMatch(TEN_DIGITS);
    expect(asText).not.toContain('4417');
    const [text] = await inspect<{ row: string }>(`SELECT c::text AS row FROM citizen c WHERE id = $1`, [id]);
    // The row as PostgreSQL prints it, less the hex of its bytea columns: random ciphertext in hex
    // has runs of ten decimal digits by chance (about every other registration), the number never.
    expect(text.row.replace(/\\\\x[0-9a-f]+/g, '\\x…')).not.toMatch(TEN_DIGITS);
    expect(text.row).not.toContain('1503924417');

    // It is the number, sealed with the configured key (id 1) and hashed with the hash key.
    const sealed = row.cpr_encrypted as Buffer;
    expect(sealed[0]).toBe(1);
    expect(developmentKeys.decrypt(sealed)).toBe('1503924417');
    expect((row.cpr_hash as Buffer).equals(developmentKeys.hash(cpr))).toBe(true);

    // Nor in the event, the timeline or the access log.
    const elsewhere = await inspect<{ text: string }>(
      `SELECT value AS text FROM outbox UNION ALL SELECT data::text FROM timeline_entry UNION ALL SELECT coalesce(criterion::text, '') FROM access_log`,
    );
    expect(elsewhere.map((entry) => entry.text).join('\n')).not.toContain('1503924417');
  });

  it('still finds a citizen by CPR number (with or without the dash) and refuses a second registration with 409', async () => {
    const id = (await api().post('/citizens', registration('010190-1234')).expect(201)).body.id;
    for (const cpr of ['010190-1234', '0101901234']) {
      expect((await api().post('/citizens/search', { cpr }).expect(200)).body.map((citizen: { id: string }) => citizen.id)).toEqual([id]);
    }
    const again = await api().post('/citizens', registration('0101901234')).expect(409);
    expect(again.body.code).toBe('citizen-already-registered');
    expect(JSON.stringify(again.body)).not.toContain('1234');
    // Unique per tenant: another municipality registers the same number.
    const foreign = (await api(SLAGELSE).post('/citizens', registration('010190-1234')).expect(201)).body.id;
    expect((await api(SLAGELSE).post('/citizens/search', { cpr: '010190-1234' }).expect(200)).body.map((citizen: { id: string }) => citizen.id)).toEqual([foreign]);
    expect(await inspect(`SELECT 1 FROM citizen WHERE cpr_hash = $1`, [developmentKeys.hash('0101901234')])).toHaveLength(2);
  });
});

describe('caseload: the migration to encrypted CPR numbers, on a database that holds citizens in clear', () => {
  let database: TestDatabase;
  const migrations = caseloadService.migrations as Array<new () => { name: string }>;
  const before = migrations.slice(0, migrations.findIndex((migration) => new migration().name === 'CprAtRest1763900000500'));
  const migrate = (list: typeof migrations) =>
    runMigrations({
      url: database.urls.migration,
      appRole: roleOf(database.urls.app),
      relayRole: roleOf(database.urls.relay),
      migrations: list,
      applicationName: 'caseload-migration-test',
    });

  beforeAll(async () => {
    database = await createTestDatabase('caseload_cpr_migration');
  });
  afterAll(() => database?.drop());

  it('encrypts every tenant’s rows with the configured keys, drops the clear column and keeps row-level security forced', async () => {
    expect(before.length).toBe(migrations.length - 4);
    await migrate(before);
    const citizens = [
      { id: randomUUID(), tenant: KBH, cpr: '0101901234' },
      { id: randomUUID(), tenant: SLAGELSE, cpr: '0101901234' },
      { id: randomUUID(), tenant: KBH, cpr: '3112994321' },
    ];
    for (const { id, tenant, cpr } of citizens) {
      await database.inspect(
        `INSERT INTO citizen (id, tenant_id, cpr, name, birth_date, area_code, benefit_type, readiness, status, current_period_id, registered_at)
         VALUES ($1, $2, $3, 'Borger', '1990-01-01', 'tingbjerg', 'cash-benefit', 'job-ready', 'active', $4, now())`,
        [id, tenant, cpr, randomUUID()],
      );
    }

    // In production without the keys it refuses, naming them, and leaves everything as it was.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(migrate(migrations)).rejects.toThrow(/CPR_ENCRYPTION_KEY: is required with NODE_ENV=production/);
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const clear = await database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM citizen WHERE cpr IS NOT NULL`);
    expect(clear).toEqual([{ n: 3 }]);

    expect(await migrate(migrations)).toEqual(['CprAtRest1763900000500', 'AccessLog1763900000510', 'CprKeyUsage1763900000520', 'StaffLoginSubject1763900000600']);

    const rows = await database.inspect<{ id: string; cpr_encrypted: Buffer; cpr_hash: Buffer }>(`SELECT id, cpr_encrypted, cpr_hash FROM citizen`);
    expect(rows).toHaveLength(3);
    for (const { id, cpr } of citizens) {
      const row = rows.find((candidate) => candidate.id === id)!;
      expect(developmentKeys.decrypt(row.cpr_encrypted)).toBe(cpr);
      expect(row.cpr_hash.equals(developmentKeys.hash(cpr))).toBe(true);
    }
    const columns = await database.inspect<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'citizen'`);
    expect(columns.map((column) => column.name)).not.toContain('cpr');
    const [security] = await database.inspect<{ enabled: boolean; forced: boolean }>(
      `SELECT relrowsecurity AS enabled, relforcerowsecurity AS forced FROM pg_class WHERE relname = 'citizen'`,
    );
    expect(security).toEqual({ enabled: true, forced: true });
  });
});
