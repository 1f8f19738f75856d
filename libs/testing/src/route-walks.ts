import request from 'supertest';
import { generateKeyPair, SignJWT } from 'jose';
import { ALL_ROLES, DEFAULT_AUDIENCE, RoleName, ROLES_EXTENSION } from '@fremskudt/service-kit';
import { TEST_OIDC_ISSUER, tokenFor, withToken } from './identities';
import { UNKNOWN_ID } from './service-testbed';
import { TestService } from './test-service';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

export interface ApiOperation {
  method: Method;
  /** The OpenAPI path, e.g. `/citizens/{id}`. */
  path: string;
  roles: RoleName[] | undefined;
  security: unknown[] | undefined;
}

/** Every operation of the service's OpenAPI document but the health probes. */
export async function apiOperations(service: TestService): Promise<ApiOperation[]> {
  const document = (await request(service.http).get('/docs-json').expect(200)).body as {
    paths: Record<string, Partial<Record<Method, { [ROLES_EXTENSION]?: RoleName[]; security?: unknown[] }>>>;
  };
  return Object.entries(document.paths)
    .filter(([path]) => !path.startsWith('/health'))
    .flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        method,
        path,
        roles: item[method]![ROLES_EXTENSION],
        security: item[method]!.security,
      })),
    );
}

/** The operation's URL with every path parameter filled with an id nothing has. */
export const urlOf = (operation: Pick<ApiOperation, 'path'>, fill = UNKNOWN_ID) => operation.path.replace(/\{[^}]+\}/g, fill);

const call = (service: TestService, operation: ApiOperation) => {
  const req = request(service.http)[operation.method](urlOf(operation));
  return operation.method === 'get' || operation.method === 'delete' ? req : req.send({});
};

/** A token the provider did not sign: same claims, the attacker's own key. */
async function forgedToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ tenant: 'kbh', roles: [...ALL_ROLES] })
    .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
    .setIssuer(TEST_OIDC_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setSubject('mallory')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

/**
 * The authentication and authorisation every service must show, walked over every route of its
 * OpenAPI document: no token or a bad one → 401; each role outside an endpoint's declared roles
 * → 403 (before any validation or data access); each declared role gets past the gate.
 */
export function describeAuthentication(service: () => TestService): void {
  describe('authentication and roles, walked over every route', () => {
    let operations: ApiOperation[];
    beforeAll(async () => {
      operations = await apiOperations(service());
    });

    it('every endpoint declares its roles (known ones) and the bearer token in OpenAPI', () => {
      expect(operations.length).toBeGreaterThan(0);
      const undeclared = operations.filter((op) => !op.roles?.length || op.roles.some((role) => !ALL_ROLES.includes(role)) || !op.security?.length);
      expect(undeclared.map((op) => `${op.method.toUpperCase()} ${op.path}`)).toEqual([]);
    });

    it('every endpoint answers 401 with a Danish problem and WWW-Authenticate without a token, and with a forged token', async () => {
      const forged = await forgedToken();
      const answers: string[] = [];
      for (const operation of operations) {
        const bare = await call(service(), operation);
        const withForged = await call(service(), operation).set('authorization', `Bearer ${forged}`);
        const notBearer = await call(service(), operation).set('authorization', 'Basic a2JoOmtiaA==');
        answers.push(`${operation.method.toUpperCase()} ${operation.path} ${bare.status} ${withForged.status} ${notBearer.status}`);
        expect(bare.body).toMatchObject({ status: 401, code: 'token-missing' });
        expect(bare.headers['www-authenticate']).toMatch(/^Bearer /);
        expect(withForged.body).toMatchObject({ status: 401, code: 'token-invalid' });
      }
      expect(answers.filter((answer) => !answer.endsWith(' 401 401 401'))).toEqual([]);
    });

    it("each role outside an endpoint's declared roles gets 403; each declared role gets past the gate", async () => {
      const wrong: string[] = [];
      for (const operation of operations) {
        for (const role of ALL_ROLES) {
          const identity = { user: `rolletest-${role}`, tenant: 'kbh', roles: [role], ...(role === 'partner' ? { org: 'partner-org' } : {}) };
          await tokenFor(identity);
          const answer = await withToken(call(service(), operation), identity);
          const allowed = operation.roles!.includes(role);
          const refused = answer.status === 403 && answer.body.code === 'forbidden';
          if (allowed === refused || answer.status === 401 || answer.status >= 500) {
            wrong.push(`${role} ${operation.method.toUpperCase()} ${operation.path}: ${answer.status} ${answer.body.code ?? ''}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });

    it('a token from another issuer is refused, and a token without any known role is let in nowhere', async () => {
      const [operation] = operations;
      const { privateKey } = await generateKeyPair('ES256');
      const selfIssued = await new SignJWT({ tenant: 'kbh', roles: [...ALL_ROLES] })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('https://not-our-broker.example')
        .setAudience(DEFAULT_AUDIENCE)
        .setSubject('mallory')
        .setExpirationTime('1h')
        .sign(privateKey);
      await call(service(), operation).set('authorization', `Bearer ${selfIssued}`).expect(401);
      const noTenantRoles = await withToken(call(service(), operation), { user: 'uden-roller', tenant: 'kbh', roles: [] });
      expect(noTenantRoles.status).toBe(403);
    });
  });
}
