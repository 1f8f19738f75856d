#!/usr/bin/env node
// `npm start`: the whole platform on this machine, as in production but on one host.
//
//   1. checks PostgreSQL answers on the administrative connection and that the ports are free;
//   2. builds every lib and service (`nx run-many -t build`, cached) while the local Kafka
//      broker starts (deploy/local/kafka/kafka.sh, a no-op when it already runs) and the local
//      OIDC provider starts (deploy/local/oidc/oidc.mjs; it stands in for the municipality's
//      identity broker and issues the tokens the services demand);
//   3. creates each service's database and its owner/app/relay roles (idempotent), and the
//      secrets a service needs (made once, kept in .local/keys/<service>.json, mode 600);
//   4. starts the five services, each with its own database roles, so their migrations run at
//      start-up; their JSON logs go to .local/logs/<service>.log;
//   5. waits until every /health/ready answers 200, prints the services and keeps running.
//      Ctrl-C / SIGTERM stops the services (SIGTERM, then SIGKILL after a grace period).
//      Kafka keeps running: `npm run stop` stops it (and any services left behind).
//
// Environment (defaults in brackets):
//   DATABASE_URL          administrative connection to the PostgreSQL server
//                         [postgres://postgres@127.0.0.1:5432/postgres]; needs CREATEROLE and
//                         CREATEDB (or superuser). The services never get this URL.
//   SERVICE_DB_PASSWORD   password given to the services' roles when they are created and put in
//                         their URLs [none: fine with trust/peer auth on a developer machine]
//   KAFKA_PORT            local broker port [9092]
//   OIDC_ISSUER           the identity broker the services trust [the local provider,
//                         http://127.0.0.1:OIDC_PORT; OIDC_PORT defaults to 39400]
//   TOPIC_PREFIX          Kafka topic prefix [fremskudt]
//   BASE_PORT             first HTTP port; services get BASE_PORT..BASE_PORT+4 [3001]
//   LOG_LEVEL             services' log level [info]
//   READY_TIMEOUT         seconds to wait for every service to be ready [120]
//
// Options: --skip-build (use the dist/ folders as they are), --help.
//
// Plain Node (no TypeScript runner): node built-ins, `pg` and the built libs only.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import * as localOidc from '../deploy/local/oidc/oidc.mjs';
import {
  entryPointOf,
  fail,
  intFromEnv,
  KAFKA_SCRIPT,
  LOCAL_DIR,
  LOG_DIR,
  removeRunFile,
  ROOT,
  RUN_FILE,
  SERVICES,
  sleep,
} from './lib/local-platform.mjs';

const require = createRequire(join(ROOT, 'package.json'));

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  const header = readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((line) => line.startsWith('//'));
  console.log(header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== '--skip-build');
if (unknown.length) fail(`unknown option(s): ${unknown.join(' ')} (see --help)`);
const skipBuild = args.includes('--skip-build');

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVICE_DB_PASSWORD = process.env.SERVICE_DB_PASSWORD || undefined;
const KAFKA_PORT = intFromEnv('KAFKA_PORT', 9092);
const BASE_PORT = intFromEnv('BASE_PORT', 3001, { max: 65535 - SERVICES.length });
const READY_TIMEOUT_MS = intFromEnv('READY_TIMEOUT', 120, { max: 3600 }) * 1000;
const TOPIC_PREFIX = process.env.TOPIC_PREFIX || 'fremskudt';
/** A broker given in OIDC_ISSUER is used as it is; otherwise the local provider is started. */
const OIDC_ISSUER = process.env.OIDC_ISSUER || localOidc.OIDC_ISSUER;
const LOG_LEVEL = process.env.LOG_LEVEL || 'info';
/** Services bind to 127.0.0.1 unless HOST says otherwise (then they get HOST from our env). */
const BIND_HOST = process.env.HOST || '127.0.0.1';
const PROBE_HOST = ['0.0.0.0', '::', '[::]'].includes(BIND_HOST) ? '127.0.0.1' : BIND_HOST;
const STOP_GRACE_MS = 20_000;
const LOG_TAIL_LINES = 25;

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`fremskudt: ${message}`);
const rel = (path) => relative(process.cwd(), path) || '.';

/** @type {Map<string, {service: string, port: number, url: string, pid: number, child: import('node:child_process').ChildProcess, logFile: string, exited: null | {code: number|null, signal: string|null}, killed: boolean, exitedAt?: number}>} */
const running = new Map();
/** Build and Kafka-start helpers, stopped too if we are interrupted meanwhile. */
const helpers = new Set();
let stopping = false;
let stopRequestedAt = 0;
let ready = false;

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

function lastLogLines(logFile, count = LOG_TAIL_LINES) {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return '  (no log written)';
  }
  const lines = text.split('\n').filter(Boolean).slice(-count);
  if (!lines.length) return '  (log is empty)';
  return lines.map((line) => `  ${line.length > 600 ? `${line.slice(0, 600)}…` : line}`).join('\n');
}

// --- 1. preconditions ------------------------------------------------------------------

async function checkPostgres() {
  if (!/^postgres(ql)?:\/\//.test(ADMIN_URL)) fail(`DATABASE_URL must be a postgres:// URL of an administrative connection, got '${redact(ADMIN_URL)}'`);
  const { Client } = require('pg');
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000, application_name: 'fremskudt-start' });
  try {
    await client.connect();
    const { rows } = await client.query(
      `SELECT current_user AS "user", current_setting('server_version') AS version,
              rolsuper OR (rolcreaterole AND rolcreatedb) AS "canProvision"
         FROM pg_roles WHERE rolname = current_user`,
    );
    const me = rows[0];
    if (!me?.canProvision) {
      fail(`the PostgreSQL role '${me?.user}' of DATABASE_URL (${redact(ADMIN_URL)}) needs CREATEROLE and CREATEDB (or superuser) to create the services' databases and roles`);
    }
    say(`PostgreSQL ${me.version} answers at ${redact(ADMIN_URL)} (as ${me.user})`);
  } catch (error) {
    fail(
      `PostgreSQL did not answer at ${redact(ADMIN_URL)}: ${error.message || error.code || error}\n` +
        `  Start PostgreSQL, or set DATABASE_URL to an administrative connection, e.g. postgres://postgres@127.0.0.1:5432/postgres`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function portFree(port, host) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => done(true)));
  });
}

async function checkPortsFree(plan) {
  const busy = [];
  for (const { service, port } of plan) if (!(await portFree(port, BIND_HOST))) busy.push(`${port} (${service})`);
  if (busy.length) {
    fail(
      `port(s) already in use on ${BIND_HOST}: ${busy.join(', ')}.\n` +
        `  Is another 'npm start' still running? 'npm run stop' stops services it left behind; or set BASE_PORT.`,
    );
  }
}

// --- 2. build and Kafka ----------------------------------------------------------------

function runHelper(name, command, commandArgs, { env = process.env, prefix } = {}) {
  return new Promise((done, reject) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: prefix ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'] });
    helpers.add(child);
    let output = '';
    if (prefix) {
      const relay = (stream, target) => {
        let pending = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
          output += chunk;
          pending += chunk;
          const lines = pending.split('\n');
          pending = lines.pop();
          for (const line of lines) target.write(`${prefix}${line}\n`);
        });
        stream.on('end', () => pending && target.write(`${prefix}${pending}\n`));
      };
      relay(child.stdout, process.stdout);
      relay(child.stderr, process.stderr);
    }
    child.on('error', (error) => {
      helpers.delete(child);
      reject(new Error(`${name} could not be started: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      helpers.delete(child);
      if (code === 0) done(output);
      else reject(new Error(`${name} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

function build() {
  if (skipBuild) {
    say('--skip-build: using the existing dist/ folders');
    return Promise.resolve();
  }
  say('building libs and services (nx run-many -t build; cached when nothing changed)');
  // --outputStyle=static: no full-screen terminal UI, plain lines that mix with Kafka's.
  return runHelper('the build (nx run-many -t build)', process.execPath, [require.resolve('nx/bin/nx.js'), 'run-many', '-t', 'build', '--outputStyle=static']);
}

function startKafka() {
  return runHelper(`Kafka (${rel(KAFKA_SCRIPT)} start)`, 'bash', [KAFKA_SCRIPT, 'start'], {
    env: { ...process.env, KAFKA_PORT: String(KAFKA_PORT) },
    prefix: '  [kafka] ',
  });
}

// --- 3. databases and roles ------------------------------------------------------------

function databasePlan(service) {
  const database = `fremskudt_${service}`;
  const roles = { owner: `${database}_owner`, app: `${database}_app`, relay: `${database}_relay` };
  const urlFor = (role) => {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    url.username = role;
    url.password = SERVICE_DB_PASSWORD ? encodeURIComponent(SERVICE_DB_PASSWORD) : '';
    return url.toString();
  };
  return {
    spec: { database, ownerRole: roles.owner, appRole: roles.app, relayRole: roles.relay, password: SERVICE_DB_PASSWORD },
    env: { DATABASE_URL: urlFor(roles.app), DATABASE_RELAY_URL: urlFor(roles.relay), DATABASE_MIGRATION_URL: urlFor(roles.owner) },
  };
}

async function provisionDatabases(plan) {
  let persistence;
  try {
    persistence = require('@fremskudt/persistence'); // node_modules/@fremskudt/persistence -> libs/persistence/dist
  } catch (error) {
    fail(`cannot load the built persistence lib (${error.message}); run 'npm run build' or drop --skip-build`);
  }
  for (const { service, database } of plan) {
    try {
      await persistence.ensureServiceDatabase(ADMIN_URL, database.spec);
    } catch (error) {
      fail(`creating the database and roles of ${service} (${database.spec.database}) failed: ${error.message}`);
    }
  }
  say(`databases ready: ${plan.map((entry) => entry.database.spec.database).join(', ')} (each with _owner, _app and _relay roles)`);
}

// --- secrets ---------------------------------------------------------------------------

const KEYS_DIR = join(LOCAL_DIR, 'keys');

/**
 * The secrets each service needs besides its database URLs (in a cluster: the Helm chart's
 * Secrets), with how to make one. The services run with NODE_ENV=production here, so they refuse
 * to start without them.
 */
const SERVICE_SECRETS = {
  // The keys of the CPR numbers at rest: new ones could neither open nor find the numbers stored.
  caseload: {
    CPR_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
    CPR_HASH_KEY: () => randomBytes(32).toString('base64'),
  },
  // The key of the partners' pseudonyms: a new one would change every pseudonym partners hold.
  projects: { PARTNER_PSEUDONYM_KEY: () => randomBytes(32).toString('base64') },
};

/**
 * The service's secrets: made once and kept in .local/keys/<service>.json (mode 600), so they
 * stay the same from one start to the next; one set in our own environment wins.
 */
function serviceSecrets(service) {
  const makers = SERVICE_SECRETS[service] ?? {};
  const names = Object.keys(makers);
  if (!names.length) return {};
  const file = join(KEYS_DIR, `${service}.json`);
  let kept = {};
  if (existsSync(file)) {
    try {
      kept = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(`${rel(file)} is not valid JSON (${error.message}); repair it, or delete it to make new secrets (which changes what they protect)`);
    }
  }
  const missing = names.filter((name) => !kept[name]);
  if (missing.length) {
    for (const name of missing) kept[name] = makers[name]();
    mkdirSync(KEYS_DIR, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
    say(`made ${missing.join(', ')} for ${service} in ${rel(file)}`);
  }
  chmodSync(file, 0o600);
  return Object.fromEntries(names.map((name) => [name, process.env[name] || kept[name]]));
}

// --- 4. services -----------------------------------------------------------------------

function serviceEnv(entry) {
  const env = { ...process.env };
  // Our DATABASE_URL is the administrative one; a global CONSUMER_GROUP_ID or PORT would make
  // every service share it. Each service gets its own.
  for (const name of ['DATABASE_URL', 'DATABASE_RELAY_URL', 'DATABASE_MIGRATION_URL', 'PORT', 'CONSUMER_GROUP_ID', 'SERVICE_DB_PASSWORD']) delete env[name];
  return {
    ...env,
    ...entry.database.env,
    ...entry.secrets,
    PORT: String(entry.port),
    KAFKA_BROKERS: `127.0.0.1:${KAFKA_PORT}`,
    OIDC_ISSUER,
    TOPIC_PREFIX,
    LOG_LEVEL,
    NODE_ENV: env.NODE_ENV || 'production',
  };
}

function writeRunFile() {
  mkdirSync(dirname(RUN_FILE), { recursive: true });
  const services = [...running.values()].filter((s) => !s.exited).map(({ service, pid, port }) => ({ service, pid, port }));
  writeFileSync(RUN_FILE, `${JSON.stringify({ pid: process.pid, startedAt: new Date(startedAt).toISOString(), services }, null, 2)}\n`);
}

function startService(entry) {
  const logFile = join(LOG_DIR, `${entry.service}.log`);
  const fd = openSync(logFile, 'w'); // one run per file: the last lines are this run's
  let child;
  try {
    // detached: own process group, so a Ctrl-C in the terminal reaches only this script, which
    // then sends each service exactly one SIGTERM (a second signal would cut Nest's graceful
    // shutdown short). The logs go straight to the file: they survive this script.
    child = spawn(process.execPath, [entryPointOf(entry.service)], {
      cwd: ROOT,
      env: serviceEnv(entry),
      stdio: ['ignore', fd, fd],
      detached: true,
    });
  } finally {
    closeSync(fd);
  }
  const state = { ...entry, url: `http://${PROBE_HOST}:${entry.port}`, pid: child.pid, child, logFile, exited: null, killed: false };
  running.set(entry.service, state);
  child.on('exit', (code, signal) => {
    state.exited = { code, signal };
    state.exitedAt = Date.now();
    if (!stopping) {
      writeRunFile();
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (ready) {
        const left = [...running.values()].filter((s) => !s.exited).length;
        process.stderr.write(
          `\nfremskudt: ${state.service} exited unexpectedly (${how}); last lines of ${rel(logFile)}:\n${lastLogLines(logFile)}\n` +
            `fremskudt: ${left} service(s) still running${left ? '' : ', nothing left to run'}\n`,
        );
        if (!left) shutdown('every service has exited', 1);
      }
    }
  });
}

async function probeReady(state) {
  try {
    const response = await fetch(`${state.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
    const body = await response.text();
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: error.cause?.code || error.name || String(error) };
  }
}

async function waitUntilReady() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const pending = new Set(running.keys());
  const last = new Map();
  while (pending.size) {
    if (stopping) return;
    for (const service of [...pending]) {
      const state = running.get(service);
      if (state.exited) {
        const how = state.exited.signal ? `signal ${state.exited.signal}` : `exit code ${state.exited.code}`;
        throw new Error(`${service} exited during start-up (${how}); last lines of ${rel(state.logFile)}:\n${lastLogLines(state.logFile)}`);
      }
      const result = await probeReady(state);
      last.set(service, result);
      if (result.status === 200) {
        state.readyStatus = result.status;
        state.readyBody = result.body;
        state.readyAt = Date.now();
        pending.delete(service);
        say(`${service} ready on ${state.url} after ${elapsed()}`);
      }
    }
    if (!pending.size) break;
    if (Date.now() > deadline) {
      const details = [...pending]
        .map((service) => {
          const state = running.get(service);
          const probe = last.get(service);
          const answer = probe?.status ? `HTTP ${probe.status} ${probe.body.slice(0, 500)}` : `no answer (${probe?.body ?? 'not probed'})`;
          return `${service} (${state.url}/health/ready): ${answer}\n  last lines of ${rel(state.logFile)}:\n${lastLogLines(state.logFile)}`;
        })
        .join('\n\n');
      throw new Error(`not ready within ${READY_TIMEOUT_MS / 1000} s: ${[...pending].join(', ')}\n\n${details}`);
    }
    await sleep(500);
  }
}

function printTable() {
  const rows = [...running.values()].map((s) => {
    let status = `${s.readyStatus}`;
    try {
      status += ` ${JSON.parse(s.readyBody).status}`;
    } catch {
      /* body not JSON: the HTTP status alone */
    }
    return [s.service, s.url, `${s.url}/docs`, status, String(s.pid), rel(s.logFile)];
  });
  const header = ['service', 'url', 'docs', 'ready', 'pid', 'log'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `  ${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd();
  console.log('');
  console.log(`fremskudt is running: ${running.size} services ready in ${elapsed()}`);
  console.log(`  Kafka 127.0.0.1:${KAFKA_PORT} (topic prefix '${TOPIC_PREFIX}'), PostgreSQL ${redact(ADMIN_URL).replace(/\/[^/]*$/, '')}, log level ${LOG_LEVEL}`);
  console.log(`  Identity provider ${OIDC_ISSUER}; every API call needs its bearer token${process.env.OIDC_ISSUER ? '' : ', e.g.'}`);
  if (!process.env.OIDC_ISSUER) console.log(`    TOKEN=$(node deploy/local/oidc/oidc.mjs token afdelingsleder-1 kbh unit-lead,tenant-admin)`);
  console.log('');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  console.log('');
  console.log(`Logs (JSON lines): ${rel(LOG_DIR)}/<service>.log, e.g. tail -f ${rel(LOG_DIR)}/*.log`);
  console.log(`Ctrl-C stops the services; Kafka keeps running ('npm run stop' stops it).`);
}

// --- stopping --------------------------------------------------------------------------

function signalService(state, signal) {
  try {
    process.kill(state.pid, signal);
  } catch {
    /* already gone */
  }
}

async function stopServices() {
  const alive = () => [...running.values()].filter((s) => !s.exited);
  const stopped = alive();
  if (!stopped.length) return;
  say(`stopping ${stopped.map((s) => `${s.service} (pid ${s.pid})`).join(', ')} with SIGTERM`);
  const sentAt = Date.now();
  for (const state of stopped) signalService(state, 'SIGTERM');
  while (alive().length && Date.now() - sentAt < STOP_GRACE_MS) await sleep(100);
  for (const state of alive()) {
    say(`${state.service} still running after ${STOP_GRACE_MS / 1000} s: SIGKILL`);
    state.killed = true;
    signalService(state, 'SIGKILL');
  }
  while (alive().length) await sleep(50);
  for (const s of stopped) {
    const how = s.killed ? 'killed' : s.exited.signal ? `stopped (${s.exited.signal})` : `exited (code ${s.exited.code})`;
    say(`  ${s.service.padEnd(12)} ${how} after ${((s.exitedAt - sentAt) / 1000).toFixed(1)} s`);
  }
}

async function shutdown(reason, exitCode) {
  if (stopping) return;
  stopping = true;
  stopRequestedAt = Date.now();
  say(`${reason}: shutting down`);
  for (const helper of helpers) helper.kill('SIGTERM');
  await stopServices();
  removeRunFile();
  say(`services stopped; Kafka is still running on 127.0.0.1:${KAFKA_PORT} ('npm run stop' stops it)`);
  process.exit(exitCode);
}

function onSignal(signal) {
  // npm forwards the terminal's Ctrl-C too, so one key press can arrive twice: ignore repeats
  // for a moment; a later one forces the services down.
  if (!stopping) return void shutdown(`${signal} received`, 0);
  if (Date.now() - stopRequestedAt < 3000) return;
  say(`${signal} again: killing the services`);
  for (const state of running.values()) if (!state.exited) {
    state.killed = true;
    signalService(state, 'SIGKILL');
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

// --- main ------------------------------------------------------------------------------

async function main() {
  const plan = SERVICES.map((service, index) => ({ service, port: BASE_PORT + index, database: databasePlan(service) }));
  await checkPostgres();
  await checkPortsFree(plan);

  const [buildResult, kafkaResult, oidcResult] = await Promise.allSettled([
    build(),
    startKafka(),
    process.env.OIDC_ISSUER ? Promise.resolve() : localOidc.start(),
  ]);
  if (stopping) return;
  if (oidcResult.status === 'rejected') fail(oidcResult.reason.message);
  if (buildResult.status === 'rejected') fail(`${buildResult.reason.message}; see the compiler output above`);
  if (kafkaResult.status === 'rejected') fail(`${kafkaResult.reason.message}; see the [kafka] lines above (${rel(KAFKA_SCRIPT)} logs shows the broker log)`);
  say(`build and Kafka ready after ${elapsed()}`);

  await provisionDatabases(plan);
  if (stopping) return;
  for (const entry of plan) entry.secrets = serviceSecrets(entry.service);

  mkdirSync(LOG_DIR, { recursive: true });
  for (const entry of plan) startService(entry);
  writeRunFile();
  say(`started ${plan.map((entry) => `${entry.service}:${entry.port}`).join(', ')}; logs in ${rel(LOG_DIR)}/<service>.log; waiting for /health/ready (up to ${READY_TIMEOUT_MS / 1000} s)`);

  try {
    await waitUntilReady();
  } catch (error) {
    process.stderr.write(`\nfremskudt: error: ${error.message}\n\n`);
    await shutdown('start-up failed', 1);
    return;
  }
  if (stopping) return;
  ready = true;
  printTable();
}

main().catch(async (error) => {
  process.stderr.write(`\nfremskudt: error: ${error.stack || error}\n`);
  await shutdown('unexpected error', 1);
});
