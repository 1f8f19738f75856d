/** The three connections a service uses, each as its own PostgreSQL role. */
export interface DatabaseUrls {
  /** Runtime role: not owner, not superuser, not BYPASSRLS; every query is tenant-filtered by RLS. */
  app: string;
  /** Outbox relay role: may read and mark the outbox of every tenant, nothing else. */
  relay: string;
  /** Owner role: runs migrations (DDL, grants). Absent where migrations run as a separate job. */
  migration?: string;
}

export function roleOf(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new Error(`Database URL ${redactUrl(url)} names no user (role)`);
  return user;
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export function withDatabase(url: string, database: string, user?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  if (user) parsed.username = encodeURIComponent(user);
  return parsed.toString();
}

/** A URL safe to print: the password is replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}
