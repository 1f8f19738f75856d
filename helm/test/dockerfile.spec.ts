import { readFileSync } from 'node:fs';
import path from 'node:path';

// There is no Docker engine on the development machines or in CI, so the image recipe is
// checked as text for the properties the chart relies on (the chart's own checks render it).
const ROOT = path.resolve(__dirname, '../..');
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.replace(/\s+/g, ' ').trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = instructions.filter((line) => /^FROM /i.test(line));
const runtime = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1]));

describe('Dockerfile', () => {
  it('builds on a pinned Node 20 slim image in every stage', () => {
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=20\.\d+\.\d+$/m);
    for (const stage of stages) expect(stage).toMatch(/^FROM (node:\$\{NODE_VERSION\}-bookworm-slim|manifests) AS [a-z]+$/);
  });

  it('ships production dependencies only and no sources', () => {
    expect(instructions).toContain('RUN cp package-lock.json /tmp/package-lock.json && npm install --omit=dev --no-audit --no-fund && cmp package-lock.json /tmp/package-lock.json');
    const copies = runtime.filter((line) => /^COPY /.test(line));
    expect(copies).toEqual(['COPY --from=deps --chown=root:root /app/node_modules /app/node_modules', 'COPY --from=build --chown=root:root /out /app']);
  });

  it('runs as a numeric non-root user under tini, with no HEALTHCHECK', () => {
    expect(runtime).toContain('USER 1000:1000');
    expect(runtime).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(runtime).toContain('CMD ["node", "/app/main.js"]');
    expect(instructions.some((line) => /^HEALTHCHECK/i.test(line))).toBe(false);
  });

  it('runs as the user the chart declares', () => {
    const values = readFileSync(path.join(ROOT, 'helm/fremskudt/values.yaml'), 'utf8');
    expect(values).toMatch(/^ {2}runAsUser: 1000$/m);
    expect(values).toMatch(/^ {2}runAsGroup: 1000$/m);
  });

  it('keeps dependencies, builds, local state and tests out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.git', '.local', 'helm', '**/test']) expect(ignored).toContain(entry);
  });
});
