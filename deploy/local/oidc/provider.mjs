#!/usr/bin/env node
// The local OpenID Connect provider for development and tests: a real `oidc-provider` that signs
// RS256 JWT access tokens and publishes its JWKS, standing in for the municipality's identity
// broker. The services validate its tokens exactly as they validate the broker's (issuer,
// audience, expiry, signature through the JWKS); nothing in them knows this provider is local.
//
// Users come from no directory: a development client asks for a token for a user with the grant
// `urn:fremskudt:grant-type:dev-user` (parameters user, tenant, roles, org). That grant exists
// only here, behind the client's secret; production tokens come from the broker's login.
//
//   node deploy/local/oidc/provider.mjs            listens on OIDC_PORT [39400], 127.0.0.1
//
// Environment: OIDC_PORT, OIDC_AUDIENCE [urn:fremskudt:api], OIDC_DEV_CLIENT_SECRET.
import { generateKeyPairSync } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

export const DEV_USER_GRANT = 'urn:fremskudt:grant-type:dev-user';
const port = Number(process.env.OIDC_PORT ?? 39400);
const audience = process.env.OIDC_AUDIENCE ?? 'urn:fremskudt:api';
const clientSecret = process.env.OIDC_DEV_CLIENT_SECRET ?? 'fremskudt-dev-secret';
const issuer = `http://127.0.0.1:${port}`;
const TOKEN_TTL_SECONDS = 8 * 3600;

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });

const resourceServer = {
  audience,
  scope: 'api',
  accessTokenFormat: 'jwt',
  accessTokenTTL: TOKEN_TTL_SECONDS,
  jwt: { sign: { alg: 'RS256' } },
};

const USER = /^[A-Za-z0-9._@-]{1,128}$/;
const TENANT = /^[a-z][a-z0-9-]{1,62}$/;
const ROLE = /^[a-z][a-z-]{1,40}$/;

/** The dev user's claims, from the token request (checked: a bad request gets invalid_request). */
function devUserClaims(params) {
  const { user, tenant, roles = '', org } = params;
  if (!user || !USER.test(user)) throw new errors.InvalidRequest('user must be 1-128 of [A-Za-z0-9._@-]');
  if (!tenant || !TENANT.test(tenant)) throw new errors.InvalidRequest('tenant must match ^[a-z][a-z0-9-]{1,62}$');
  const roleList = roles.split(/[ ,]+/).filter(Boolean);
  if (!roleList.every((role) => ROLE.test(role))) throw new errors.InvalidRequest('roles must be a space-separated list of role names');
  if (org !== undefined && !USER.test(org)) throw new errors.InvalidRequest('org must be 1-128 of [A-Za-z0-9._@-]');
  return { tenant, roles: roleList, ...(org ? { org } : {}) };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'fremskudt-dev',
      client_secret: clientSecret,
      grant_types: [DEV_USER_GRANT, 'client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks: { keys: [rsa, ec] },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== audience) throw new errors.InvalidTarget();
        return resourceServer;
      },
    },
  },
  ttl: { AccessToken: TOKEN_TTL_SECONDS, ClientCredentials: TOKEN_TTL_SECONDS },
  extraParams: ['user', 'tenant', 'roles', 'org'],
  extraTokenClaims: (ctx) => (ctx.oidc.params.user ? devUserClaims(ctx.oidc.params) : undefined),
});

provider.registerGrantType(
  DEV_USER_GRANT,
  async (ctx) => {
    devUserClaims(ctx.oidc.params);
    const token = new provider.AccessToken({
      accountId: ctx.oidc.params.user,
      client: ctx.oidc.client,
      gty: 'dev-user',
      scope: 'api',
    });
    token.resourceServer = resourceServer;
    const value = await token.save();
    ctx.body = { access_token: value, token_type: 'Bearer', expires_in: token.expiration, scope: 'api' };
  },
  ['user', 'tenant', 'roles', 'org'],
);

provider.listen(port, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ level: 'info', time: new Date().toISOString(), service: 'oidc-provider', message: 'listening', issuer })}\n`);
const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
