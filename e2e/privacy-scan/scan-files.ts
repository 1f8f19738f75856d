import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where one end-to-end run collects what the privacy scan reads: `.local/e2e-scan/run-…/`, one
 * directory per jest run (several runs may share the working tree), made by the global setup and
 * named in `E2E_SCAN_DIR` for the test processes. In it, per jest worker:
 * - `logs-<worker>.jsonl`: the in-process services' logs at info (LOG_FILE, see service-kit's logging);
 * - `errors-<worker>.jsonl`: every HTTP answer with status ≥ 400 the suites received;
 * - `cprs-<worker>.txt`: the CPR numbers the suites sent (to look for them also where the date is
 *   not valid); never scanned itself and never printed.
 */
export const SCAN_ROOT = path.resolve(__dirname, '../../.local/e2e-scan');
export const SCAN_DIR_VARIABLE = 'E2E_SCAN_DIR';

/** The e2e topics that existed before the run (the teardown reads only the run's own). */
export const TOPICS_BEFORE_FILE = 'topics-before.json';

export const scanDir = (): string | undefined => process.env[SCAN_DIR_VARIABLE] || undefined;

const worker = () => process.env.JEST_WORKER_ID ?? '0';

export const logFileName = () => `logs-${worker()}.jsonl`;
export const errorsFileName = () => `errors-${worker()}.jsonl`;
export const cprsFileName = () => `cprs-${worker()}.txt`;

/** The files the scan reads as text (the CPR list is input, not output). */
export const isScannedFile = (name: string) => /^(logs|errors)-.*\.jsonl$/.test(name);
export const isCprListFile = (name: string) => /^cprs-.*\.txt$/.test(name);

export interface ErrorAnswer {
  /** The suite that received it (its file name). */
  suite: string;
  method: string;
  /** The path without the query string: the query may hold the search criteria the suite sent. */
  path: string;
  status: number;
  body: string;
}

const madeDirs = new Set<string>();

function append(fileName: string, text: string): void {
  const dir = scanDir();
  if (!dir) return;
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  appendFileSync(path.join(dir, fileName), text);
}

/** Keeps an answer with status ≥ 400 for the scan (no-op outside a scanned run). */
export function recordErrorAnswer(answer: ErrorAnswer): void {
  if (answer.status < 400) return;
  append(errorsFileName(), `${JSON.stringify(answer)}\n`);
}

/** Every string under a `cpr` key (any depth) of a request body or query. */
export function cprsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(cprsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key.toLowerCase() === 'cpr' && typeof inner === 'string' ? [inner] : cprsIn(inner)));
}

/** Keeps the CPR numbers a request sent (body, `cpr` in the query string), ten digits each, for the scan. */
export function recordSentCprs(body: unknown, url = ''): void {
  const inQuery = url.includes('?') ? new URL(url, 'http://localhost').searchParams.getAll('cpr') : [];
  const digits = [...cprsIn(body), ...inQuery].map((cpr) => cpr.replace(/\D/g, '')).filter((cpr) => cpr.length === 10);
  if (digits.length) append(cprsFileName(), `${digits.join('\n')}\n`);
}

/** The suite (test file name) running now, for the records. */
export function currentSuite(): string {
  const testPath = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect?.getState?.().testPath;
  return testPath ? path.basename(testPath) : 'unknown';
}
