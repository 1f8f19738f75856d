import { HttpStatus, Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { TenantContext } from '@fremskudt/persistence';
import { TenantConfig } from '../config/tenant-config';
import { ProblemException } from '../http/problem';
import { TENANT_CONFIG } from '../platform.tokens';
import { Principal, PrincipalContext } from './principal';
import { TokenRejectedError, TokenVerifier } from './token-verifier';

/** Health probes and the API documentation are open; everything else needs a token. */
export const PUBLIC_PATHS = /^\/(health|docs)(\/|$|-json|-yaml)/;

export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * Authenticates every non-public request with its bearer token and runs the rest of the request
 * in the token's tenant and principal. The tenant comes from the token only: no header can
 * name it. A release configured for one municipality refuses other municipalities' tokens.
 */
@Injectable()
export class AuthenticationMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Authentication');

  constructor(
    private readonly verifier: TokenVerifier,
    @Inject(TENANT_CONFIG) private readonly tenantConfig: TenantConfig | null,
  ) {}

  async use(request: AuthenticatedRequest, response: Response, next: NextFunction): Promise<void> {
    if (PUBLIC_PATHS.test(request.path)) return next();
    const principal = await this.authenticate(request, response);
    if (this.tenantConfig && principal.tenant !== this.tenantConfig.id) {
      this.logger.warn({ user: principal.userId, tenant: principal.tenant, path: request.path }, 'token of a municipality this release does not serve');
      throw new ProblemException(HttpStatus.FORBIDDEN, 'tenant-not-served');
    }
    request.principal = principal;
    TenantContext.run(principal.tenant, () => PrincipalContext.run(principal, () => next()));
  }

  private async authenticate(request: Request, response: Response): Promise<Principal> {
    const header = request.headers.authorization;
    const [scheme, token, ...rest] = (header ?? '').split(' ');
    if (!header) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="fremskudt"');
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'token-missing');
    }
    if (scheme.toLowerCase() !== 'bearer' || !token || rest.length) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="fremskudt", error="invalid_request"');
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'token-invalid');
    }
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) {
        this.logger.error({ err: error }, 'the identity provider could not be reached to validate a token');
        throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'identity-provider-unavailable');
      }
      this.logger.warn({ reason: error.reason, path: request.path }, 'token rejected');
      response.setHeader('WWW-Authenticate', 'Bearer realm="fremskudt", error="invalid_token"');
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'token-invalid');
    }
  }
}
