import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCAN_DIR_VARIABLE, SCAN_ROOT, TOPICS_BEFORE_FILE } from './scan-files';
import { listE2eTopics } from './topics';

// The shared global setup (broker, OIDC provider, PostgreSQL check) first. By path: a global setup
// runs outside jest's module mapping, where @fremskudt/testing does not resolve to its sources.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const sharedSetup = require('../../libs/testing/src/global-setup.js') as () => Promise<void>;

/** Runs older than this are removed: the scan of the last runs stays for a look, not forever. */
const KEEP_RUNS_MS = 24 * 60 * 60 * 1000;

/**
 * Jest global setup of the e2e suites: the shared infrastructure, then a fresh directory for this
 * run's privacy scan (see scan-files.ts) and the list of e2e topics that existed before it, so the
 * teardown reads only the topics this run made.
 */
export default async function globalSetup(): Promise<void> {
  await sharedSetup();
  removeOldRuns();
  const dir = path.join(SCAN_ROOT, `run-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  process.env[SCAN_DIR_VARIABLE] = dir;
  writeFileSync(path.join(dir, TOPICS_BEFORE_FILE), JSON.stringify(await listE2eTopics()));
}

function removeOldRuns(): void {
  mkdirSync(SCAN_ROOT, { recursive: true });
  for (const name of readdirSync(SCAN_ROOT)) {
    const dir = path.join(SCAN_ROOT, name);
    if (name.startsWith('run-') && Date.now() - statSync(dir).mtimeMs > KEEP_RUNS_MS) rmSync(dir, { recursive: true, force: true });
  }
}
