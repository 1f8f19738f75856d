import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm test` runs the Nx targets `test` (*.spec.ts) and `integration` (*.int-spec.ts) of every
 * project: a project whose specs have no target would silently never run them.
 */
const root = path.resolve(__dirname, '../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', '.nx', '.local'].includes(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const projects = ['libs', 'services']
  .flatMap((group) => readdirSync(path.join(root, group)).map((name) => path.join(group, name)))
  .concat(['e2e', 'helm'])
  .filter((dir) => readdirSync(path.join(root, dir)).includes('project.json'));

describe('workspace: every suite has a target that npm test runs', () => {
  it.each(projects)('%s', (dir) => {
    const targets = Object.keys(JSON.parse(readFileSync(path.join(root, dir, 'project.json'), 'utf8')).targets ?? {});
    const files = filesUnder(path.join(root, dir));
    const missing: string[] = [];
    if (files.some((file) => /(?<!int-)\.spec\.ts$/.test(file)) && !targets.includes('test')) missing.push('test');
    if (files.some((file) => file.endsWith('.int-spec.ts')) && !targets.includes('integration')) missing.push('integration');
    if (files.some((file) => file.endsWith('.e2e-spec.ts')) && !targets.includes('e2e')) missing.push('e2e');
    expect(missing).toEqual([]);
  });
});
