import { Client } from 'pg';
import { withDatabase } from './database-urls';

export interface ServiceDatabaseSpec {
  database: string;
  ownerRole: string;
  appRole: string;
  relayRole: string;
  /** Optional password set on the roles (local trust-auth servers ignore it). */
  password?: string;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
};

async function ignoreConcurrentCreate(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    // 42710 duplicate_object, 42P04 duplicate_database, 23505 unique_violation on pg_authid:
    // another process (a parallel test worker) created it between our check and our create.
    const code = (error as { code?: string }).code;
    if (code !== '42710' && code !== '42P04' && code !== '23505') throw error;
  }
}

async function ensureRole(admin: Client, role: string, password: string | undefined): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (exists.rowCount) return;
  const pass = password ? ` PASSWORD '${password.replace(/'/g, "''")}'` : '';
  await ignoreConcurrentCreate(() =>
    admin.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE${pass}`),
  );
}

/**
 * Creates (idempotently) a service's database and its three roles: owner (migrations), app
 * (runtime, RLS applies) and relay (outbox). Run with an administrative connection; in a
 * municipality's cluster the DBA does the same once.
 */
export async function ensureServiceDatabase(adminUrl: string, spec: ServiceDatabaseSpec): Promise<void> {
  const admin = new Client({ connectionString: adminUrl, application_name: 'fremskudt-provisioning' });
  await admin.connect();
  try {
    for (const role of [spec.ownerRole, spec.appRole, spec.relayRole]) await ensureRole(admin, role, spec.password);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [spec.database]);
    if (!exists.rowCount) {
      await ignoreConcurrentCreate(() => admin.query(`CREATE DATABASE ${ident(spec.database)} OWNER ${ident(spec.ownerRole)}`));
    }
    await admin.query(`REVOKE ALL ON DATABASE ${ident(spec.database)} FROM PUBLIC`);
    await admin.query(
      `GRANT CONNECT ON DATABASE ${ident(spec.database)} TO ${ident(spec.appRole)}, ${ident(spec.relayRole)}`,
    );
  } finally {
    await admin.end();
  }
  // The runtime roles need USAGE on the schema; tables are granted by the migrations.
  const db = new Client({ connectionString: withDatabase(adminUrl, spec.database), application_name: 'fremskudt-provisioning' });
  await db.connect();
  try {
    await db.query(`GRANT USAGE ON SCHEMA public TO ${ident(spec.appRole)}, ${ident(spec.relayRole)}`);
  } finally {
    await db.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
