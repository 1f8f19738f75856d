import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigValidationError, loadPlatformConfig } from './platform-config';
import { TenantConfig, validateTenantConfig } from './tenant-config';

const service = { name: 'counselling', defaultPort: 3002 };
const env = {
  DATABASE_URL: 'postgres://counselling_app@127.0.0.1:5432/fremskudt_counselling',
  DATABASE_RELAY_URL: 'postgres://counselling_relay@127.0.0.1:5432/fremskudt_counselling',
};

const slagelse = (): TenantConfig => ({
  id: 'slagelse',
  name: 'Slagelse Kommune',
  topicPrefix: 'slagelse',
  identity: { issuer: 'https://login.slagelse.dk/realms/fremskudt', audience: 'fremskudt' },
  areas: [
    { code: 'nordbyen', name: 'Nordbyen (Slagelse)' },
    { code: 'motalavej', name: 'Motalavej (Korsør)' },
  ],
  desks: [
    {
      areaCode: 'nordbyen',
      name: 'Åben Rådgivning Nordbyen',
      location: 'Beboerhuset i Nordbyen, Slagelse',
      weekly: [
        { weekday: 2, opens: '09:30', closes: '12:30' },
        { weekday: 4, opens: '09:30', closes: '12:30' },
      ],
    },
  ],
  goals: [{ code: 'attendance', name: 'Gennemsnitligt fremmøde', kind: 'share', target: 0.7, period: '2026' }],
});

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'tenant-config-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tenantFile(content: unknown): string {
  const file = path.join(dir, `tenant-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadPlatformConfig({ ...env, ...environment }, service);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('tenant configuration (TENANT_CONFIG_FILE)', () => {
  it('is optional: without it the service runs as before (with OIDC_ISSUER naming the identity broker)', () => {
    expect(loadPlatformConfig({ ...env, OIDC_ISSUER: 'http://127.0.0.1:39400' }, service).tenant).toBeUndefined();
  });

  it("gives the identity broker: the services trust the tenant's issuer and audience, and refuse a differing OIDC_ISSUER", () => {
    const file = tenantFile(slagelse());
    expect(loadPlatformConfig({ ...env, TENANT_CONFIG_FILE: file }, service).auth).toMatchObject({
      issuer: 'https://login.slagelse.dk/realms/fremskudt',
      audience: 'fremskudt',
    });
    expect(problemsOf({ TENANT_CONFIG_FILE: file, OIDC_ISSUER: 'https://login.kk.dk/realms/fremskudt' })).toEqual([
      'OIDC_ISSUER: "https://login.kk.dk/realms/fremskudt" differs from tenant.identity.issuer "https://login.slagelse.dk/realms/fremskudt" in TENANT_CONFIG_FILE',
    ]);
  });

  it('is read, validated and handed to the service with its topic prefix', () => {
    const config = loadPlatformConfig({ ...env, TENANT_CONFIG_FILE: tenantFile(slagelse()) }, service);
    expect(config.tenant).toEqual(slagelse());
    expect(config.messaging).toMatchObject({ topicPrefix: 'slagelse', consumerGroupId: 'slagelse.counselling' });
  });

  it('stops start-up with a message naming the file and the field', () => {
    const bad = slagelse();
    bad.desks![0].weekly[1].weekday = 8;
    const file = tenantFile(bad);
    let error: ConfigValidationError | undefined;
    try {
      loadPlatformConfig({ ...env, TENANT_CONFIG_FILE: file }, service);
    } catch (caught) {
      error = caught as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error!.problems).toEqual([`TENANT_CONFIG_FILE (${file}): tenant.desks[0].weekly[1].weekday: must be <= 7`]);
    expect(error!.message).toContain('Invalid configuration for service "counselling"');
  });

  it('names every problem of the schema at once: missing, unknown and malformed fields', () => {
    const bad = slagelse() as unknown as Record<string, unknown> & TenantConfig;
    delete (bad.identity as Partial<TenantConfig['identity']>).issuer;
    (bad.areas[1] as Record<string, unknown>).colour = 'blue';
    bad.desks![0].weekly[0].opens = '9:30';
    bad.topicPrefix = 'Slagelse Kommune';
    expect(validateTenantConfig(bad).problems.sort()).toEqual([
      'tenant.areas[1].colour: is not a tenant configuration field',
      'tenant.desks[0].weekly[0].opens: must match pattern "^([01][0-9]|2[0-3]):[0-5][0-9]$"',
      'tenant.identity.issuer: is required',
      'tenant.topicPrefix: must match pattern "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$"',
    ]);
  });

  it('checks what the schema cannot: desks in declared areas, unique areas, closing after opening', () => {
    const bad = slagelse();
    bad.areas.push({ code: 'nordbyen', name: 'Nordbyen igen' });
    bad.desks!.push({ areaCode: 'vollsmose', name: 'Vollsmose', location: 'Odense', weekly: [{ weekday: 1, opens: '12:30', closes: '09:30' }] });
    expect(validateTenantConfig(bad).problems).toEqual([
      'tenant.areas[2].code: "nordbyen" is declared twice',
      'tenant.desks[1].areaCode: "vollsmose" is not one of tenant.areas[].code (nordbyen, motalavej)',
      'tenant.desks[1].weekly[0]: closes (09:30) must be after opens (12:30)',
    ]);
  });

  it('refuses a file that is missing or not JSON', () => {
    expect(problemsOf({ TENANT_CONFIG_FILE: path.join(dir, 'missing.json') })).toEqual([
      `TENANT_CONFIG_FILE: cannot read ${path.join(dir, 'missing.json')} (ENOENT)`,
    ]);
    const file = tenantFile('tenant: yaml');
    expect(problemsOf({ TENANT_CONFIG_FILE: file })[0]).toMatch(new RegExp(`^TENANT_CONFIG_FILE: ${file} is not JSON`));
  });

  it('refuses a TOPIC_PREFIX other than the tenant\'s', () => {
    expect(problemsOf({ TENANT_CONFIG_FILE: tenantFile(slagelse()), TOPIC_PREFIX: 'kbh' })).toEqual([
      'TOPIC_PREFIX: "kbh" differs from tenant.topicPrefix "slagelse" in TENANT_CONFIG_FILE',
    ]);
  });
});
