import { loadPlatformConfig } from '../config/platform-config';
import { FailedAuthenticationLimiter } from './rate-limits';
import { bodyParserProblem } from './request-limits';

describe('FailedAuthenticationLimiter', () => {
  let now = 0;
  const limiter = () => new FailedAuthenticationLimiter(3, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets an address fail up to the limit, then makes it wait until its minute is over', () => {
    const failures = limiter();
    expect([failures.recordFailure('a'), failures.recordFailure('a')]).toEqual([false, false]);
    expect(failures.waitSeconds('a')).toBe(0);
    expect(failures.recordFailure('a')).toBe(true);
    expect(failures.waitSeconds('a')).toBe(60);
    now += 45_500;
    expect(failures.waitSeconds('a')).toBe(15);
    now += 14_500;
    expect(failures.waitSeconds('a')).toBe(0);
    expect(failures.recordFailure('a')).toBe(false);
  });

  it('counts each address on its own', () => {
    const failures = limiter();
    for (let n = 0; n < 3; n++) failures.recordFailure('a');
    failures.recordFailure('b');
    expect(failures.waitSeconds('a')).toBe(60);
    expect(failures.waitSeconds('b')).toBe(0);
  });
});

describe('HTTP limits in the platform config', () => {
  const env = {
    DATABASE_URL: 'postgres://caseload_app@127.0.0.1:5432/fremskudt_caseload',
    DATABASE_RELAY_URL: 'postgres://caseload_relay@127.0.0.1:5432/fremskudt_caseload',
    OIDC_ISSUER: 'https://login.kk.dk/realms/fremskudt',
  };
  const service = { name: 'caseload', defaultPort: 3001 };

  it('defaults to 1 MB bodies, 1200 requests a minute per user, 30 sensitive lookups, 60 failed logins per address', () => {
    expect(loadPlatformConfig(env, service).http).toEqual({
      bodyLimit: '1mb',
      trustProxyHops: 0,
      rateLimits: { perMinute: 1200, sensitivePerMinute: 30, authFailuresPerMinute: 60 },
    });
  });

  it('reads and validates the variables', () => {
    const http = loadPlatformConfig(
      { ...env, HTTP_BODY_LIMIT: '512KB', HTTP_TRUST_PROXY_HOPS: '1', RATE_LIMIT_PER_MINUTE: '600', SENSITIVE_RATE_LIMIT_PER_MINUTE: '10', AUTH_FAILURE_LIMIT_PER_MINUTE: '20' },
      service,
    ).http;
    expect(http).toEqual({ bodyLimit: '512kb', trustProxyHops: 1, rateLimits: { perMinute: 600, sensitivePerMinute: 10, authFailuresPerMinute: 20 } });
    expect(() => loadPlatformConfig({ ...env, HTTP_BODY_LIMIT: '1gb' }, service)).toThrow(/HTTP_BODY_LIMIT: must be a size/);
    expect(() => loadPlatformConfig({ ...env, RATE_LIMIT_PER_MINUTE: '0' }, service)).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadPlatformConfig({ ...env, SENSITIVE_RATE_LIMIT_PER_MINUTE: 'many' }, service)).toThrow(/SENSITIVE_RATE_LIMIT_PER_MINUTE/);
  });
});

describe('bodyParserProblem', () => {
  it("turns body-parser's errors into problems with their status, and leaves other errors alone", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 });
    expect(bodyParserProblem(tooLarge)).toMatchObject({ code: 'payload-too-large', detail: 'request entity too large' });
    expect(bodyParserProblem(tooLarge)!.getStatus()).toBe(413);
    const charset = Object.assign(new Error('unsupported charset "KOI8-R"'), { type: 'charset.unsupported', status: 415 });
    expect(bodyParserProblem(charset)).toMatchObject({ code: 'unsupported-media-type' });
    expect(bodyParserProblem(new Error('database down'))).toBeUndefined();
    expect(bodyParserProblem(Object.assign(new Error('x'), { type: 'entity.too.large', status: 500 }))).toBeUndefined();
  });
});
