#!/usr/bin/env node
// Starts and stops the local OIDC provider (provider.mjs) as a background process, like
// deploy/local/kafka/kafka.sh does the broker. Idempotent: `start` is a no-op when a provider
// already answers on the port; two concurrent starts end with one provider (the loser's
// listen fails, and both see the winner answer).
//
// Usage: node deploy/local/oidc/oidc.mjs start|stop|status|token [user tenant roles [org]]
// Environment: OIDC_PORT [39400]; logs and pid in <repo>/.local/oidc-<port>/.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');

export const OIDC_PORT = Number(process.env.OIDC_PORT ?? 39400);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const DEV_CLIENT = { id: 'fremskudt-dev', secret: process.env.OIDC_DEV_CLIENT_SECRET ?? 'fremskudt-dev-secret' };
const HOME = join(ROOT, '.local', `oidc-${OIDC_PORT}`);
const PID_FILE = join(HOME, 'provider.pid');
const START_TIMEOUT_MS = 20_000;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

export async function isAnswering() {
  try {
    const response = await fetch(`${OIDC_ISSUER}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function start() {
  if (await isAnswering()) return;
  mkdirSync(HOME, { recursive: true });
  const log = openSync(join(HOME, 'provider.log'), 'a');
  const child = spawn(process.execPath, [join(HERE, 'provider.mjs')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, OIDC_PORT: String(OIDC_PORT) },
  });
  child.unref();
  closeSync(log);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await isAnswering()) {
      if (child.exitCode === null) writeFileSync(PID_FILE, String(child.pid));
      return;
    }
    await sleep(100);
  }
  throw new Error(`the local OIDC provider did not answer on ${OIDC_ISSUER} within ${START_TIMEOUT_MS / 1000} s; see ${join(HOME, 'provider.log')}`);
}

export async function stop() {
  let pid;
  try {
    pid = Number(readFileSync(PID_FILE, 'utf8'));
  } catch {
    return false;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(PID_FILE, { force: true });
  return true;
}

/** A token from the local provider for a development user (the dev-user grant). */
export async function devToken({ user, tenant, roles = [], org }) {
  const body = new URLSearchParams({
    grant_type: 'urn:fremskudt:grant-type:dev-user',
    client_id: DEV_CLIENT.id,
    client_secret: DEV_CLIENT.secret,
    user,
    tenant,
    roles: roles.join(' '),
    ...(org ? { org } : {}),
  });
  const response = await fetch(`${OIDC_ISSUER}/token`, { method: 'POST', body });
  const answer = await response.json();
  if (!response.ok) throw new Error(`token for ${user}@${tenant}: ${response.status} ${JSON.stringify(answer)}`);
  return answer.access_token;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'start') {
    await start();
    console.log(`OIDC provider answering at ${OIDC_ISSUER}`);
  } else if (command === 'stop') {
    console.log((await stop()) ? 'OIDC provider stopped' : 'no OIDC provider recorded as started here');
  } else if (command === 'status') {
    const up = await isAnswering();
    console.log(up ? `answering at ${OIDC_ISSUER}` : `not answering at ${OIDC_ISSUER}`);
    process.exit(up ? 0 : 1);
  } else if (command === 'token' && args.length >= 3) {
    const [user, tenant, roles, org] = args;
    console.log(await devToken({ user, tenant, roles: roles.split(','), org }));
  } else {
    console.error('usage: oidc.mjs start|stop|status|token <user> <tenant> <role,role...> [org]');
    process.exit(2);
  }
}
