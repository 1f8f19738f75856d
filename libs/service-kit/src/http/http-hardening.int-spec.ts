import { Body, Controller, DynamicModule, Get, HttpCode, Module, Post } from '@nestjs/common';
import { IsString } from 'class-validator';
import request from 'supertest';
import { MessagingTables1763900000000 } from '@fremskudt/messaging';
import { asUser, startTestService, TestIdentity, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { Allow } from '../auth/permissions';
import { ALL_ROLES } from '../auth/roles';
import { PlatformConfig } from '../config/platform-config';
import { PlatformModule } from '../platform.module';
import { ServiceDefinition } from '../service-definition';
import { SensitiveLookup } from './rate-limits';

class EchoBody {
  @IsString()
  text: string;
}

@Controller()
@Allow(...ALL_ROLES)
class ProbeController {
  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: EchoBody): { length: number } {
    return { length: body.text.length };
  }

  @Get('plain')
  plain(): { ok: true } {
    return { ok: true };
  }

  @Get('lookup')
  @SensitiveLookup()
  lookup(): { ok: true } {
    return { ok: true };
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to db-internal-7.kbh.local refused at /srv/app/secret.ts');
  }
}

const probeService: ServiceDefinition = {
  name: 'hardening-probe',
  defaultPort: 0,
  title: 'hardening probe',
  description: 'A service that exists only in this test',
  entities: [],
  migrations: [MessagingTables1763900000000],
  produces: [],
  consumes: [],
};

@Module({})
class ProbeModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: ProbeModule, imports: [PlatformModule.forService(probeService, config)], controllers: [ProbeController] };
  }
}

const LIMITS = { perMinute: 12, sensitive: 3, authFailures: 4 };
const user = (name: string): TestIdentity => ({ user: name, tenant: 'kbh', roles: ['job-consultant'] });
/** A line of a JavaScript stack trace, as Express's default error page would show it. */
const STACK_LINE = /\n\s+at /;

describe('HTTP hardening of the service chassis (real HTTP, PostgreSQL and Kafka)', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(probeService, ProbeModule.forRoot, {
      topicPrefix: uniqueTopicPrefix('hardening'),
      env: {
        HTTP_BODY_LIMIT: '256kb',
        HTTP_TRUST_PROXY_HOPS: '1',
        RATE_LIMIT_PER_MINUTE: String(LIMITS.perMinute),
        SENSITIVE_RATE_LIMIT_PER_MINUTE: String(LIMITS.sensitive),
        AUTH_FAILURE_LIMIT_PER_MINUTE: String(LIMITS.authFailures),
      },
    });
  });
  afterAll(() => service?.dispose());

  /** Each test comes from its own address (the service trusts one proxy hop), so one test's failures never block another. */
  const from = (address: string) => ({ 'x-forwarded-for': address });

  describe('security headers', () => {
    it('an API answer carries helmet headers and a CSP that lets nothing load, and no X-Powered-By', async () => {
      const answer = await request(service.http).get('/plain').set(from('198.51.100.1')).use(asUser(user('headers'))).expect(200);
      expect(answer.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
        'x-frame-options': 'SAMEORIGIN',
        'content-security-policy': expect.stringContaining("default-src 'none'"),
      });
      expect(answer.headers['x-powered-by']).toBeUndefined();
      const refused = await request(service.http).get('/plain').set(from('198.51.100.1')).expect(401);
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
      expect(refused.headers['x-powered-by']).toBeUndefined();
    });

    it('Swagger UI at /docs gets a CSP it can live with: its scripts are files under /docs, styles may be inline', async () => {
      const page = await request(service.http).get('/docs').expect(200);
      const csp = page.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).not.toContain('upgrade-insecure-requests');
      // script-src 'self' without 'unsafe-inline' holds only while the page has no inline script.
      const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) {
        const src = /^\s*src="([^"]+\.js)"\s*$/.exec(attributes)?.[1];
        expect(src && new URL(src, 'http://service/docs').host).toBe('service');
        await request(service.http).get(new URL(src!, 'http://service/docs').pathname).expect(200);
      }
      expect(page.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('request bodies', () => {
    const post = (address: string) => request(service.http).post('/echo').set(from(address)).use(asUser(user(`bodies-${address}`)));

    it('takes a JSON body up to HTTP_BODY_LIMIT', async () => {
      const answer = await post('198.51.100.10').send({ text: 'x'.repeat(200 * 1024) }).expect(200);
      expect(answer.body).toEqual({ length: 200 * 1024 });
    });

    it.each([
      ['just over the configured limit', 300 * 1024],
      ['2 MB', 2 * 1024 * 1024],
    ])('refuses a body %s with 413 problem+json, no stack', async (_label, size) => {
      const answer = await post('198.51.100.11').set('content-type', 'application/json').send(JSON.stringify({ text: 'x'.repeat(size) }));
      expect(answer.status).toBe(413);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 413, code: 'payload-too-large', title: 'Forespørgslen er for stor' });
      expect(answer.text).not.toMatch(STACK_LINE);
      expect(answer.text).not.toContain('<html');
    });

    it('refuses malformed JSON with 400 problem+json, no stack', async () => {
      const answer = await post('198.51.100.12').set('content-type', 'application/json').send('{"text": "unterminated');
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 400, code: 'bad-request' });
      expect(answer.text).not.toMatch(STACK_LINE);
    });

    it.each([
      ['a form', 'application/x-www-form-urlencoded', 'text=hello'],
      ['text', 'text/plain', 'hello'],
      ['XML', 'application/xml', '<text>hello</text>'],
    ])('refuses %s body with 415 problem+json, in English on Accept-Language: en', async (_label, type, body) => {
      const answer = await post('198.51.100.13').set('content-type', type).set('accept-language', 'en').send(body);
      expect(answer.status).toBe(415);
      expect(answer.body).toMatchObject({ status: 415, code: 'unsupported-media-type', title: 'The request body must be JSON' });
    });

    it('takes a JSON-based media type (application/merge-patch+json) as JSON', async () => {
      await post('198.51.100.14').set('content-type', 'application/merge-patch+json; charset=utf-8').send(JSON.stringify({ text: 'hej' })).expect(200, { length: 3 });
    });

    it('refuses a NUL character (PostgreSQL cannot store it) in a JSON string or key, or in the address, with 400', async () => {
      for (const body of ['{"text": "a\\u0000b"}', '{"text": "ok", "nested": {"k\\u0000": 1}}']) {
        const answer = await post('198.51.100.16').set('content-type', 'application/json').send(body);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ status: 400, code: 'bad-request', detail: expect.stringContaining('NUL') });
      }
      const inPath = await request(service.http).get('/plain%00').set(from('198.51.100.16')).use(asUser(user('nul')));
      expect(inPath.status).toBe(400);
      expect(inPath.body).toMatchObject({ code: 'bad-request', detail: expect.stringContaining('NUL') });
      await request(service.http).get('/plain?q=%00').set(from('198.51.100.16')).use(asUser(user('nul'))).expect(400);
      await post('198.51.100.16').send({ text: 'æøå ✓ \u0001' }).expect(200, { length: 7 });
    });

    it('answers an unexpected error with 500 and neither detail nor stack', async () => {
      const answer = await request(service.http).get('/boom').set(from('198.51.100.15')).use(asUser(user('boom'))).expect(500);
      expect(answer.body).toEqual({ type: 'https://fremskudt.dk/problems/internal-error', title: 'Der opstod en uventet fejl', status: 500, code: 'internal-error' });
      expect(answer.text).not.toContain('db-internal');
      expect(answer.text).not.toMatch(STACK_LINE);
    });
  });

  describe('rate limits', () => {
    const get = (path: string, who: TestIdentity, address = '198.51.100.20') => request(service.http).get(path).set(from(address)).use(asUser(who));

    it('limits each user on all endpoints together, with 429 problem+json and Retry-After; other users go on', async () => {
      const busy = user('travl-bruger');
      const statuses: number[] = [];
      for (let n = 0; n < LIMITS.perMinute; n++) statuses.push((await get(n % 2 ? '/plain' : '/lookup', busy)).status);
      // The sensitive limit stops /lookup after 3; every request counts against the general limit.
      expect(statuses.filter((status) => status === 200)).toHaveLength(LIMITS.perMinute / 2 + LIMITS.sensitive);
      const over = await get('/plain', busy);
      expect(over.status).toBe(429);
      expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(over.body).toMatchObject({ status: 429, code: 'too-many-requests', title: 'For mange forespørgsler; vent lidt' });
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
      await get('/plain', user('en-anden-bruger')).expect(200);
    });

    it('limits a user on @SensitiveLookup() endpoints much sooner, leaving their other requests alone', async () => {
      const curious = user('nysgerrig');
      for (let n = 0; n < LIMITS.sensitive; n++) await get('/lookup', curious).expect(200);
      const over = await get('/lookup', curious).expect(429);
      expect(over.body.code).toBe('too-many-requests');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      await get('/plain', curious).expect(200);
      await get('/lookup', user('kollega')).expect(200);
    });

    it('documents the sensitive lookup and its 429 in OpenAPI', async () => {
      const document = (await request(service.http).get('/docs-json').expect(200)).body;
      expect(document.paths['/lookup'].get).toMatchObject({ 'x-sensitive-lookup': true, responses: { '429': expect.anything() } });
      expect(document.paths['/plain'].get['x-sensitive-lookup']).toBeUndefined();
    });

    it('makes an address that failed to authenticate too often wait, even with a good token; health and other addresses stay open', async () => {
      const guesser = '203.0.113.66';
      for (let n = 0; n < LIMITS.authFailures; n++) {
        await request(service.http).get('/plain').set(from(guesser)).set('authorization', `Bearer guess-${n}`).expect(401);
      }
      const blocked = await request(service.http).get('/plain').set(from(guesser)).set('authorization', 'Bearer guess-again');
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ status: 429, code: 'too-many-requests' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      await get('/plain', user('paa-samme-adresse'), guesser).expect(429);
      await request(service.http).get('/health/live').set(from(guesser)).expect(200);
      await get('/plain', user('andet-sted'), '203.0.113.67').expect(200);
    });
  });
});
