import { ConfigValidationError, loadPlatformConfig } from './config/platform-config';
import { constraintMessage, languageOf } from './http/messages';
import { fieldProblems } from './http/validation';

const service = { name: 'caseload', defaultPort: 3001 };
const env = {
  DATABASE_URL: 'postgres://caseload_app@127.0.0.1:5432/fremskudt_caseload',
  DATABASE_RELAY_URL: 'postgres://caseload_relay@127.0.0.1:5432/fremskudt_caseload',
  OIDC_ISSUER: 'https://login.kk.dk/realms/fremskudt',
};

describe('platform config', () => {
  it('applies defaults for local development', () => {
    const config = loadPlatformConfig(env, service);
    expect(config).toMatchObject({
      serviceName: 'caseload',
      port: 3001,
      database: { app: env.DATABASE_URL, relay: env.DATABASE_RELAY_URL, migration: undefined, poolSize: 10 },
      messaging: { brokers: ['127.0.0.1:9092'], topicPrefix: 'fremskudt', consumerGroupId: 'fremskudt.caseload', topicPartitions: 3 },
      auth: {
        issuer: 'https://login.kk.dk/realms/fremskudt',
        audience: 'urn:fremskudt:api',
        jwksUri: undefined,
        claims: { tenant: 'tenant', roles: 'roles', organisation: 'org' },
      },
    });
  });

  it('requires the identity broker: OIDC_ISSUER, or the issuer of the tenant file, never both differing', () => {
    const { OIDC_ISSUER: _issuer, ...withoutIssuer } = env;
    expect(() => loadPlatformConfig(withoutIssuer, service)).toThrow(/OIDC_ISSUER: is required/);
    expect(() => loadPlatformConfig({ ...env, OIDC_ISSUER: 'ftp://x' }, service)).toThrow(/OIDC_ISSUER: must be the http\(s\) issuer URL/);
    const custom = loadPlatformConfig({ ...env, OIDC_AUDIENCE: 'fremskudt-api', OIDC_TENANT_CLAIM: 'kommune', OIDC_ROLES_CLAIM: 'groups' }, service);
    expect(custom.auth).toMatchObject({ audience: 'fremskudt-api', claims: { tenant: 'kommune', roles: 'groups', organisation: 'org' } });
  });

  it('reads every variable', () => {
    const config = loadPlatformConfig(
      { ...env, PORT: '8080', KAFKA_BROKERS: 'k1:9092,k2:9093', TOPIC_PREFIX: 'kbh', TOPIC_PARTITIONS: '12', CONSUMER_GROUP_ID: 'kbh.caseload.v2', KAFKA_SSL: 'true' },
      service,
    );
    expect(config.port).toBe(8080);
    expect(config.messaging).toMatchObject({ brokers: ['k1:9092', 'k2:9093'], topicPrefix: 'kbh', topicPartitions: 12, consumerGroupId: 'kbh.caseload.v2', ssl: true });
  });

  it('names every missing or invalid variable in one error', () => {
    let error: ConfigValidationError | undefined;
    try {
      loadPlatformConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', TOPIC_PREFIX: 'Bad Prefix', KAFKA_BROKERS: 'localhost' }, service);
    } catch (caught) {
      error = caught as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const variables = error!.problems.map((problem) => problem.split(':')[0]).sort();
    expect(variables).toEqual(['DATABASE_RELAY_URL', 'DATABASE_URL', 'KAFKA_BROKERS', 'OIDC_ISSUER', 'PORT', 'TOPIC_PREFIX']);
    expect(error!.message).toContain('Invalid configuration for service "caseload"');
  });

  it('refuses one role for runtime and relay (the relay role sees every tenant)', () => {
    expect(() => loadPlatformConfig({ ...env, DATABASE_RELAY_URL: env.DATABASE_URL }, service)).toThrow(/three different roles/);
  });

  it('requires credentials with SASL', () => {
    expect(() => loadPlatformConfig({ ...env, KAFKA_SASL_MECHANISM: 'plain' }, service)).toThrow(/KAFKA_SASL_USERNAME/);
  });
});

describe('validation problems', () => {
  it('flatten nested errors to dotted field paths, one per constraint', () => {
    const problems = fieldProblems([
      { property: 'cpr', constraints: { isCpr: 'bad cpr' }, children: [] },
      { property: 'address', children: [{ property: 'postcode', constraints: { isString: 'must be a string', length: 'wrong length' }, children: [] }] },
    ]);
    expect(problems).toEqual([
      { field: 'cpr', code: 'isCpr', message: 'bad cpr' },
      { field: 'address.postcode', code: 'isString', message: 'must be a string' },
      { field: 'address.postcode', code: 'length', message: 'wrong length' },
    ]);
  });
});

describe('language', () => {
  it.each([
    [undefined, 'da'],
    ['da-DK,da;q=0.9', 'da'],
    ['en-GB,en;q=0.8', 'en'],
    ['de', 'da'],
  ])('Accept-Language %j gives %s', (header, language) => {
    expect(languageOf({ headers: header ? { 'accept-language': header } : {} })).toBe(language);
  });

  it('translates known constraints and keeps the others', () => {
    expect(constraintMessage('isString', 'name must be a string', 'da')).toBe('skal være tekst');
    expect(constraintMessage('isCpr', 'must be a CPR number', 'da')).toBe('must be a CPR number');
  });
});
