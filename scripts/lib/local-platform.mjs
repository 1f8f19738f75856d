// Shared by scripts/start.mjs and scripts/stop.mjs: where things live and what a local
// platform consists of. Plain Node ESM, node built-ins only.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const LOCAL_DIR = join(ROOT, '.local');
export const LOG_DIR = join(LOCAL_DIR, 'logs');
/** pids of the services of the running `npm start`, so `npm run stop` can stop them too. */
export const RUN_FILE = join(LOCAL_DIR, 'run', 'services.json');
export const KAFKA_SCRIPT = join(ROOT, 'deploy/local/kafka/kafka.sh');

/** In start order; service i listens on BASE_PORT + i. */
export const SERVICES = ['caseload', 'counselling', 'companies', 'projects', 'reporting'];

export const entryPointOf = (service) => join(ROOT, 'services', service, 'dist', 'main.js');

/** Reads a positive integer from the environment, or exits with a message naming the variable. */
export function intFromEnv(name, fallback, { min = 1, max = 65535 } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    fail(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return Number(raw);
}

export function fail(message) {
  process.stderr.write(`\nfremskudt: error: ${message}\n`);
  process.exit(1);
}

/** True while `pid` is a live (non-zombie) process running `service`'s entry point. */
export function isServiceProcess(pid, service) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(entryPointOf(service));
  } catch {
    return false;
  }
}

/** [{ service, pid }] recorded by a running (or crashed) `npm start`, or []. */
export function readRunFile() {
  if (!existsSync(RUN_FILE)) return [];
  try {
    return JSON.parse(readFileSync(RUN_FILE, 'utf8')).services ?? [];
  } catch {
    return [];
  }
}

export function removeRunFile() {
  rmSync(RUN_FILE, { force: true });
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
