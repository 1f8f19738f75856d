import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_EVENT_CONTRACTS } from '../catalog';
import { asyncApiMessageId } from './asyncapi-document';
import { ASYNCAPI_FILE, main, renderAsyncApiJson } from './generate-asyncapi';

describe('generate-asyncapi', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'asyncapi-'));
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('the committed libs/contracts/asyncapi.json is up to date (run `npm run asyncapi` when this fails)', () => {
    expect(readFileSync(ASYNCAPI_FILE, 'utf8')).toBe(renderAsyncApiJson());
  });

  it('the committed file covers every contract in the catalogue', () => {
    const committed = JSON.parse(readFileSync(ASYNCAPI_FILE, 'utf8'));
    expect(Object.keys(committed.components.messages).sort()).toEqual(ALL_EVENT_CONTRACTS.map(asyncApiMessageId).sort());
  });

  it('writes pretty JSON ending in a newline, then --check passes', () => {
    const target = join(dir, 'asyncapi.json');
    expect(main([], target)).toBe(0);
    const written = readFileSync(target, 'utf8');
    expect(written).toBe(`${JSON.stringify(JSON.parse(written), null, 2)}\n`);
    expect(JSON.parse(written).asyncapi).toBe('3.0.0');
    expect(main(['--check'], target)).toBe(0);
  });

  it('--check fails with a clear message when the file differs, without touching it', () => {
    const target = join(dir, 'asyncapi.json');
    const stale = renderAsyncApiJson().replace('"asyncapi": "3.0.0"', '"asyncapi": "2.6.0"');
    writeFileSync(target, stale);

    expect(main(['--check'], target)).toBe(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/out of date.*line 2\b.*npm run asyncapi/));
    expect(readFileSync(target, 'utf8')).toBe(stale);
  });

  it('--check fails when the file is missing', () => {
    expect(main(['--check'], join(dir, 'missing.json'))).toBe(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('does not exist'));
  });

  it('refuses unknown arguments instead of regenerating', () => {
    const target = join(dir, 'asyncapi.json');
    expect(main(['--chek'], target)).toBe(2);
    expect(() => readFileSync(target)).toThrow();
  });
});
