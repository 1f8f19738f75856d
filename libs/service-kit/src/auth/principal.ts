import { AsyncLocalStorage } from 'node:async_hooks';
import { RoleName } from './roles';

/** Who makes the request: from the validated bearer token only. */
export interface Principal {
  /** The token's `sub`: the user's id at the identity broker (a staff id for municipal staff). */
  userId: string;
  tenant: string;
  /** Known roles only; unknown role names in the token are ignored. */
  roles: RoleName[];
  /** The partner organisation a partner user acts for (claim `org`). */
  organisation?: string;
}

const storage = new AsyncLocalStorage<Principal>();

/** The principal of the current request; code outside a request (consumers, jobs) has none. */
export const PrincipalContext = {
  run<T>(principal: Principal, work: () => T): T {
    return storage.run(principal, work);
  },
  current(): Principal | undefined {
    return storage.getStore();
  },
  /** For code that only runs in a request: throws when there is no principal. */
  require(): Principal {
    const principal = storage.getStore();
    if (!principal) throw new Error('No authenticated principal in context');
    return principal;
  },
};

export function hasAnyRole(principal: Principal, roles: readonly RoleName[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
