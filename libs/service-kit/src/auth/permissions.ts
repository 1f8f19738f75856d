import { applyDecorators, CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable, Logger, Optional, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemException } from '../http/problem';
import { AuthenticatedRequest } from './authentication.middleware';
import { hasAnyRole, Principal } from './principal';
import { RoleName } from './roles';

const ALLOWED_ROLES = 'fremskudt:allowed-roles';
const PUBLIC_ROUTE = 'fremskudt:public-route';
/** The OpenAPI extension that lists an operation's roles; the role-matrix tests read it. */
export const ROLES_EXTENSION = 'x-roles';

/**
 * Declares who may call an endpoint (on a handler, or on a controller for all its handlers; a
 * handler's declaration replaces its controller's). Shown in the OpenAPI document.
 */
export function Allow(...roles: RoleName[]): MethodDecorator & ClassDecorator {
  if (!roles.length) throw new Error('Allow() needs at least one role');
  const unique = [...new Set(roles)];
  return applyDecorators(
    SetMetadata(ALLOWED_ROLES, unique),
    ApiBearerAuth(),
    ApiExtension(ROLES_EXTENSION, unique),
    ApiUnauthorizedResponse({ description: 'Mangler eller ugyldigt token' }),
    ApiForbiddenResponse({ description: `Kun for rollerne: ${unique.join(', ')}` }),
  );
}

/**
 * Told of every request the RolesGuard refuses for its roles, before the 403 goes out: a service
 * that must log denied attempts (an access log of personal data) provides one under
 * ACCESS_DENIED_LISTENER in a global module. A listener's failure is logged; the 403 stands.
 */
export interface AccessDeniedListener {
  accessDenied(context: ExecutionContext, principal: Principal): Promise<void> | void;
}
export const ACCESS_DENIED_LISTENER = Symbol('ACCESS_DENIED_LISTENER');

/**
 * Checks a request that its roles allow against the user's data scope (own caseload, team,
 * areas): a service whose data is scoped below the role provides one under DATA_SCOPE_CHECK in a
 * global module. It refuses by throwing (403 `out-of-scope`); the refusal is told to the
 * ACCESS_DENIED_LISTENER like a role's.
 */
export interface DataScopeCheck {
  check(context: ExecutionContext, principal: Principal): Promise<void>;
}
export const DATA_SCOPE_CHECK = Symbol('DATA_SCOPE_CHECK');

/** The roles an endpoint declares (its handler's, else its controller's); undefined when it declares none. */
export function allowedRolesOf(reflector: Reflector, context: ExecutionContext): RoleName[] | undefined {
  return reflector.getAllAndOverride<RoleName[] | undefined>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]);
}

/** An endpoint anyone may call without a token (health probes). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Authorises every HTTP request by the roles its endpoint declares. An endpoint that declares
 * none is refused (fail closed); a test walks every route to see that none is left undeclared.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly logger = new Logger('Authorisation');

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(ACCESS_DENIED_LISTENER) private readonly deniedListener?: AccessDeniedListener,
    @Optional() @Inject(DATA_SCOPE_CHECK) private readonly scopeCheck?: DataScopeCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const allowed = allowedRolesOf(this.reflector, context);
    const principal = request.principal;
    if (!principal) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'token-missing');
    if (!allowed) {
      this.logger.error({ path: request.route?.path ?? request.path }, 'endpoint declares no roles: refused');
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
    }
    if (!hasAnyRole(principal, allowed)) {
      this.logger.warn({ user: principal.userId, roles: principal.roles, method: request.method, path: request.route?.path }, 'access denied by role');
      await this.tellDenied(context, principal);
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', `Kræver en af rollerne: ${allowed.join(', ')}`);
    }
    if (this.scopeCheck) await this.checkScope(context, principal);
    return true;
  }

  private async checkScope(context: ExecutionContext, principal: Principal): Promise<void> {
    try {
      await this.scopeCheck!.check(context, principal);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === HttpStatus.FORBIDDEN) await this.tellDenied(context, principal);
      throw error;
    }
  }

  private async tellDenied(context: ExecutionContext, principal: Principal): Promise<void> {
    try {
      await this.deniedListener?.accessDenied(context, principal);
    } catch (error) {
      this.logger.error({ err: error }, 'the access-denied listener failed');
    }
  }
}
