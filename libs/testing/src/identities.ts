import { RoleGroups, RoleName } from '@fremskudt/service-kit';

/** The local OIDC provider the suites get their tokens from (started by the global setup). */
export const TEST_OIDC_ISSUER = `http://127.0.0.1:${process.env.OIDC_PORT ?? '39400'}`;
const DEV_USER_GRANT = 'urn:fremskudt:grant-type:dev-user';
const DEV_CLIENT = { id: 'fremskudt-dev', secret: process.env.OIDC_DEV_CLIENT_SECRET ?? 'fremskudt-dev-secret' };

/** A user as the identity broker knows them: the token's subject, tenant, roles and organisation. */
export interface TestIdentity {
  user: string;
  tenant: string;
  roles: readonly RoleName[];
  org?: string;
}

/**
 * The identity the suites use unless they name one: a member of staff of the tenant holding every
 * staff role (not partner), so the suites of the domain work see everything staff may see.
 */
export const staffIdentity = (tenant: string, user = `${tenant}-testbruger`): TestIdentity => ({ user, tenant, roles: RoleGroups.staff });

const tokens = new Map<string, Promise<string>>();

/** A bearer token from the real local provider for the identity (one per identity per process). */
export function tokenFor(identity: TestIdentity): Promise<string> {
  const key = JSON.stringify([identity.user, identity.tenant, [...identity.roles].sort(), identity.org ?? null]);
  let token = tokens.get(key);
  if (!token) {
    token = requestToken(identity);
    tokens.set(key, token);
    token.catch(() => tokens.delete(key));
  }
  return token;
}

async function requestToken(identity: TestIdentity): Promise<string> {
  const response = await fetch(`${TEST_OIDC_ISSUER}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: DEV_USER_GRANT,
      client_id: DEV_CLIENT.id,
      client_secret: DEV_CLIENT.secret,
      user: identity.user,
      tenant: identity.tenant,
      roles: identity.roles.join(' '),
      ...(identity.org ? { org: identity.org } : {}),
    }),
  });
  const answer = (await response.json()) as { access_token?: string };
  if (!response.ok || !answer.access_token) {
    throw new Error(`the local OIDC provider refused a token for ${identity.user}@${identity.tenant}: ${response.status} ${JSON.stringify(answer)}`);
  }
  return answer.access_token;
}

/** The Authorization header for the identity. */
export async function authorizationFor(identity: TestIdentity): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await tokenFor(identity)}` };
}

/**
 * Sends a supertest request with the identity's bearer token. The token is fetched when the
 * request is sent, so callers keep supertest's synchronous chain (`.send(...).expect(201)`).
 */
export function withToken<T extends { set(field: string, value: string): unknown; end(callback?: (error: unknown, response: unknown) => void): unknown }>(
  request: T,
  identity: TestIdentity,
): T {
  const send = request.end.bind(request);
  request.end = ((callback?: (error: unknown, response: unknown) => void) => {
    tokenFor(identity).then(
      (token) => {
        request.set('authorization', `Bearer ${token}`);
        send(callback);
      },
      (error) => callback?.(error, undefined),
    );
    return request;
  }) as T['end'];
  return request;
}

/**
 * A superagent plugin (`.use(asUser(...))`): sends the request with the bearer token of a
 * tenant's staff user (all staff roles) or of the identity given.
 */
export const asUser =
  (who: string | TestIdentity) =>
  <T extends Parameters<typeof withToken>[0]>(request: T): void => {
    withToken(request, typeof who === 'string' ? staffIdentity(who) : who);
  };
