#!/usr/bin/env node
// `npm run stop`: stops what `npm start` started, including the local Kafka broker.
//   - a running `npm start` (its pid is in .local/run/services.json) gets SIGTERM and stops its
//     services gracefully itself;
//   - services left behind (their start script was killed) get SIGTERM, then SIGKILL;
//   - then the local OIDC provider (deploy/local/oidc/oidc.mjs stop) and
//     deploy/local/kafka/kafka.sh stop (KAFKA_PORT, default 9092).
// Only processes recorded there and still running our entry points are signalled.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as localOidc from '../deploy/local/oidc/oidc.mjs';
import { intFromEnv, isServiceProcess, KAFKA_SCRIPT, removeRunFile, ROOT, RUN_FILE, sleep } from './lib/local-platform.mjs';

const GRACE_MS = 20_000;
const say = (message) => console.log(`fremskudt: ${message}`);

/** True while `pid` runs scripts/start.mjs of this checkout (npm starts it with a relative path). */
function isStartScript(pid) {
  try {
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    const script = join(ROOT, 'scripts', 'start.mjs');
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((arg) => arg && resolve(cwd, arg) === script);
  } catch {
    return false;
  }
}

async function waitGone(isAlive, ms) {
  const deadline = Date.now() + ms;
  while (isAlive() && Date.now() < deadline) await sleep(100);
  return !isAlive();
}

async function stopServices() {
  if (!existsSync(RUN_FILE)) {
    say('no services recorded as running');
    return;
  }
  let run;
  try {
    run = JSON.parse(readFileSync(RUN_FILE, 'utf8'));
  } catch {
    run = { services: [] };
  }
  if (run.pid && isStartScript(run.pid)) {
    say(`stopping 'npm start' (pid ${run.pid}), which stops its services`);
    process.kill(run.pid, 'SIGTERM');
    if (!(await waitGone(() => isStartScript(run.pid), GRACE_MS + 5000))) say(`pid ${run.pid} did not exit; stopping its services directly`);
  }
  const alive = () => (run.services ?? []).filter(({ service, pid }) => isServiceProcess(pid, service));
  if (alive().length) {
    say(`stopping ${alive().map(({ service, pid }) => `${service} (pid ${pid})`).join(', ')}`);
    for (const { pid } of alive()) process.kill(pid, 'SIGTERM');
    if (!(await waitGone(() => alive().length > 0, GRACE_MS))) {
      for (const { service, pid } of alive()) {
        say(`${service} (pid ${pid}) did not stop within ${GRACE_MS / 1000} s: SIGKILL`);
        process.kill(pid, 'SIGKILL');
      }
    }
  }
  removeRunFile();
  say('services stopped');
}

await stopServices();
if (await localOidc.stop()) say('local OIDC provider stopped');
const kafka = spawnSync('bash', [KAFKA_SCRIPT, 'stop'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, KAFKA_PORT: String(intFromEnv('KAFKA_PORT', 9092)) },
});
process.exit(kafka.status ?? 1);
