import path from 'node:path';
import { currentSuite, logFileName, recordErrorAnswer, recordSentCprs, scanDir } from './scan-files';

/**
 * Runs before every e2e suite (setupFilesAfterEnv) when the run is scanned for CPR numbers: the
 * services the suite starts in-process log at info to this worker's log file as well, and every
 * supertest answer with status ≥ 400 is kept with the CPR numbers the requests sent.
 * (callService in support/http.ts records its own.)
 */
const dir = scanDir();
if (dir) {
  process.env.LOG_FILE = path.join(dir, logFileName());
  process.env.LOG_FILE_LEVEL = 'info';
  hookSupertest();
}

interface SupertestRequest {
  method: string;
  url: string;
  _data?: unknown;
  qs?: unknown;
}
interface SupertestResponse {
  status: number;
  text?: string;
  body?: unknown;
}
type EndCallback = (error: unknown, response?: SupertestResponse) => void;

/** Wraps supertest's `end` (which `await`, `.then` and `.expect(...)` all go through) to see each answer. */
function hookSupertest(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Test } = require('supertest') as { Test: { prototype: { end(this: SupertestRequest, callback?: EndCallback): unknown } } };
  const end = Test.prototype.end;
  if ((end as { scanned?: boolean }).scanned) return;
  const scanned = function (this: SupertestRequest, callback?: EndCallback) {
    recordSentCprs([this._data, this.qs], this.url);
    return end.call(this, (error, response) => {
      if (response && response.status >= 400) {
        recordErrorAnswer({
          suite: currentSuite(),
          method: this.method,
          path: new URL(this.url, 'http://localhost').pathname,
          status: response.status,
          body: response.text ?? JSON.stringify(response.body ?? null),
        });
      }
      callback?.(error, response);
    });
  };
  Object.assign(scanned, { scanned: true });
  Test.prototype.end = scanned;
}
