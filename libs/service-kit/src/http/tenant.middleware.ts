import { HttpStatus, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isValidTenantId, TenantContext } from '@fremskudt/persistence';
import { ProblemException } from './problem';

export const TENANT_HEADER = 'x-tenant-id';
const PUBLIC_PATHS = /^\/(health|docs)(\/|$|-json|-yaml)/;

/**
 * Takes the tenant from the request and runs the rest of the request inside its context.
 * Walking-skeleton only: the security work replaces the header with the token's tenant claim.
 */
@Injectable()
export class TenantMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    if (PUBLIC_PATHS.test(request.path)) return next();
    const tenant = request.headers[TENANT_HEADER];
    if (tenant === undefined) throw new ProblemException(HttpStatus.BAD_REQUEST, 'tenant-missing');
    if (!isValidTenantId(tenant)) throw new ProblemException(HttpStatus.BAD_REQUEST, 'tenant-invalid');
    TenantContext.run(tenant, () => next());
  }
}
