import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify } from 'jose';
import { isValidTenantId } from '@fremskudt/persistence';
import { Principal } from './principal';
import { isRoleName } from './roles';

export interface AuthConfig {
  /** The identity broker's issuer URL (the `iss` of its tokens). */
  issuer: string;
  /** The audience tokens must be issued for (`aud`). */
  audience: string;
  /** The broker's JWKS; discovered from `<issuer>/.well-known/openid-configuration` when absent. */
  jwksUri?: string;
  /** Claim names: the broker's mappers decide them. */
  claims: { tenant: string; roles: string; organisation: string };
}

/** Why a token was refused; the reason goes to the log, the client gets one generic 401. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`Token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'];
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Validates bearer tokens against the configured issuer: signature with a key from its JWKS
 * (fetched once, refetched when a new key id appears), issuer, audience, expiry; then maps the
 * claims to a Principal.
 */
export class TokenVerifier {
  private jwks?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(private readonly config: AuthConfig) {}

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw new TokenRejectedError(error.code);
      throw error;
    }
    return this.principalOf(payload);
  }

  private principalOf(payload: JWTPayload): Principal {
    const { claims } = this.config;
    const tenant = payload[claims.tenant];
    if (!isValidTenantId(tenant)) throw new TokenRejectedError(`claim ${claims.tenant} missing or invalid`);
    const rawRoles = payload[claims.roles];
    const roleList = Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(' ') : [];
    const organisation = payload[claims.organisation];
    return {
      userId: payload.sub!,
      tenant,
      roles: [...new Set(roleList.filter(isRoleName))],
      ...(typeof organisation === 'string' && organisation ? { organisation } : {}),
    };
  }

  private keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (!this.jwks) {
      this.jwks = this.discoverJwksUri().then((uri) => createRemoteJWKSet(new URL(uri), { cooldownDuration: 30_000 }));
      // A failed discovery is retried by the next request instead of being cached.
      this.jwks.catch(() => (this.jwks = undefined));
    }
    return this.jwks;
  }

  private async discoverJwksUri(): Promise<string> {
    if (this.config.jwksUri) return this.config.jwksUri;
    const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`OIDC discovery at ${url} answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
    if (!jwksUri) throw new Error(`OIDC discovery at ${url} names no jwks_uri`);
    return jwksUri;
  }
}
