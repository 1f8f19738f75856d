/**
 * Writes `libs/contracts/asyncapi.json` from the event catalogue, or with `--check` fails when
 * the file on disk is not what a fresh generation gives (so a forgotten regeneration fails CI).
 *
 *   npm run asyncapi             # regenerate
 *   npm run asyncapi -- --check  # verify
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ALL_EVENT_CONTRACTS } from '../catalog';
import { buildAsyncApiDocument } from './asyncapi-document';

/** `libs/contracts`, from `src/asyncapi` (or `dist/asyncapi` once built). */
const CONTRACTS_ROOT = resolve(__dirname, '../..');
const REPO_ROOT = resolve(CONTRACTS_ROOT, '../..');

export const ASYNCAPI_FILE = resolve(CONTRACTS_ROOT, 'asyncapi.json');

/** The document's version is the contracts library's version. */
function contractsVersion(): string {
  return (JSON.parse(readFileSync(resolve(CONTRACTS_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The exact text `asyncapi.json` must hold. */
export function renderAsyncApiJson(): string {
  return `${JSON.stringify(buildAsyncApiDocument(ALL_EVENT_CONTRACTS, { version: contractsVersion() }), null, 2)}\n`;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  const index = left.findIndex((line, i) => line !== right[i]);
  return (index === -1 ? left.length : index) + 1;
}

/** Returns the process exit code. `target` is for tests. */
export function main(args: readonly string[], target: string = ASYNCAPI_FILE): number {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: generate-asyncapi [--check]`);
    return 2;
  }
  const file = relative(REPO_ROOT, target);
  const expected = renderAsyncApiJson();
  if (args.includes('--check')) {
    const current = readIfExists(target);
    if (current === expected) {
      console.log(`${file} is up to date.`);
      return 0;
    }
    console.error(
      current === undefined
        ? `${file} does not exist. Run \`npm run asyncapi\` and commit the result.`
        : `${file} is out of date with the event contracts (first difference at line ${firstDifferentLine(current, expected)}). ` +
            'Run `npm run asyncapi` and commit the result.',
    );
    return 1;
  }
  writeFileSync(target, expected);
  console.log(`Wrote ${file} (${ALL_EVENT_CONTRACTS.length} event contracts).`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
