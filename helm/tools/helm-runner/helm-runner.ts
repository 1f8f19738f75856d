import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';

/**
 * Helm without a Helm binary: helm-java (Maven Central) runs Helm's own Go code in a JVM. Maven
 * resolves the jars into ~/.m2 once; the class path is cached under .local/helm-runner/, keyed
 * by pom.xml's hash, so later runs start the JVM straight away (a few seconds for a whole batch).
 */

const RUNNER_DIR = __dirname;
const REPO_ROOT = path.resolve(RUNNER_DIR, '../../..');
const POM = path.join(RUNNER_DIR, 'pom.xml');
const RUNNER_SOURCE = path.join(RUNNER_DIR, 'HelmRunner.java');
const CACHE_DIR = path.join(REPO_ROOT, '.local/helm-runner');

/** The chart in this repository. */
export const CHART_DIR = path.resolve(REPO_ROOT, 'helm/fremskudt');

/** The Kubernetes version the chart is rendered for and validated against (kubernetes-models 4.5.1). */
export const TARGET_KUBE_VERSION = '1.33.0';

export type HelmJob =
  | { command: 'version' }
  | { command: 'lint'; chartDir: string }
  | { command: 'template'; chartDir: string; release: string; namespace: string; valuesFiles: string[]; kubeVersion?: string };

export interface HelmResult {
  ok: boolean;
  /** template: the rendered manifest; version: the Helm version. */
  output: string;
  /** Why the command failed (schema violations, template `fail` messages). */
  error: string | null;
  /** lint: Helm's messages ([INFO], [WARNING], [ERROR]). */
  messages: string[];
}

/** The jars helm-java needs, resolved by Maven (downloads only the first time). */
export function helmClasspath(): string {
  const pomHash = createHash('sha256').update(readFileSync(POM)).digest('hex').slice(0, 16);
  const cacheFile = path.join(CACHE_DIR, `classpath-${pomHash}.txt`);
  if (existsSync(cacheFile)) {
    const classpath = readFileSync(cacheFile, 'utf8').trim();
    if (classpath.split(path.delimiter).every((jar) => existsSync(jar))) return classpath;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const written = `${cacheFile}.${process.pid}.tmp`;
  const maven = spawnSync(
    'mvn',
    ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${written}`],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (maven.error) throw new Error(`Maven (mvn) could not be started: ${maven.error.message}. Java 17 and Maven are required.`);
  if (maven.status !== 0) throw new Error(`Maven could not resolve helm-java (${POM}):\n${maven.stdout}\n${maven.stderr}`);
  // Written by one process, renamed atomically: a parallel run never reads half a file.
  renameSync(written, cacheFile);
  return readFileSync(cacheFile, 'utf8').trim();
}

/**
 * helm-java's template prints the release manifest without the hooks (`helm template` prints
 * both; manusa/helm-java#416). So templates are rendered from a copy of the chart in which the
 * `helm.sh/hook` annotation key is renamed: Helm renders those objects like any other, and the
 * key is renamed back in the output. Only the key changes, so what is rendered is what an
 * install would create, hooks included.
 */
const HOOK_KEY = /(["']?)helm\.sh\/hook\1:/g;
const HOOK_STAND_IN = 'fremskudt.test/helm-hook-stand-in';

function chartWithVisibleHooks(chartDir: string, workDir: string): string {
  const copy = path.join(workDir, 'visible-hooks', path.basename(chartDir));
  cpSync(chartDir, copy, { recursive: true });
  const templates = path.join(copy, 'templates');
  for (const file of readdirSync(templates)) {
    if (!/\.(ya?ml|tpl)$/.test(file)) continue;
    const text = readFileSync(path.join(templates, file), 'utf8');
    writeFileSync(path.join(templates, file), text.replace(HOOK_KEY, `${HOOK_STAND_IN}:`));
  }
  return copy;
}

/** Runs the jobs in one JVM; results in the same order. */
export function runHelm(jobs: HelmJob[]): HelmResult[] {
  const classpath = helmClasspath();
  const workDir = mkdtempSync(path.join(tmpdir(), 'fremskudt-helm-'));
  try {
    const visible = new Map<string, string>();
    const runnable = jobs.map((job): HelmJob => {
      if (job.command !== 'template') return job;
      if (!visible.has(job.chartDir)) visible.set(job.chartDir, chartWithVisibleHooks(job.chartDir, path.join(workDir, String(visible.size))));
      return { ...job, chartDir: visible.get(job.chartDir)! };
    });
    const jobsFile = path.join(workDir, 'jobs.tsv');
    writeFileSync(jobsFile, runnable.map(jobLine).join('\n'));
    const java = spawnSync('java', ['-cp', classpath, RUNNER_SOURCE, jobsFile], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (java.error) throw new Error(`java could not be started: ${java.error.message}`);
    if (java.status !== 0) throw new Error(`HelmRunner failed (exit ${java.status}):\n${java.stderr}`);
    const results = JSON.parse(java.stdout) as HelmResult[];
    if (results.length !== jobs.length) throw new Error(`HelmRunner answered ${results.length} of ${jobs.length} jobs:\n${java.stderr}`);
    return results.map((result, index) =>
      jobs[index].command === 'template' ? { ...result, output: result.output.split(`${HOOK_STAND_IN}:`).join('helm.sh/hook:') } : result,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function jobLine(job: HelmJob): string {
  const fields = (() => {
    switch (job.command) {
      case 'version':
        return ['version'];
      case 'lint':
        return ['lint', job.chartDir];
      case 'template':
        return ['template', job.chartDir, job.release, job.namespace, job.kubeVersion ?? TARGET_KUBE_VERSION, job.valuesFiles.join(',')];
    }
  })();
  const parts = job.command === 'template' ? [...fields.slice(0, 5), ...job.valuesFiles] : fields;
  for (const part of parts) {
    if (/[\t\n,]/.test(part)) throw new Error(`HelmRunner job fields may not contain tabs, newlines or commas: ${JSON.stringify(part)}`);
  }
  return fields.join('\t');
}

type Values = Record<string, unknown>;
const isMap = (value: unknown): value is Values => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Helm's coalescing of values files: maps merge key by key, anything else replaces; null
 * removes a key the base has (and stays null otherwise, for the schema to judge).
 */
export function coalesceValues(base: Values, override: Values): Values {
  const merged: Values = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null && key in base) delete merged[key];
    else if (isMap(value) && isMap(merged[key])) merged[key] = coalesceValues(merged[key] as Values, value);
    else merged[key] = value;
  }
  return merged;
}

/**
 * `helm lint` with values files. helm-java's lint takes no values files, so the chart is copied
 * to a temporary directory with values.yaml replaced by the coalesced values: Helm then lints
 * exactly what an install with those files would get (schema, templates, rendered YAML).
 * Returns the chart copies to lint; `cleanup` removes them.
 */
export function chartsWithValues(valuesFiles: string[][]): { chartDirs: string[]; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'fremskudt-lint-'));
  const defaults = yaml.load(readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8')) as Values;
  const chartDirs = valuesFiles.map((files, index) => {
    const chartDir = path.join(root, String(index), path.basename(CHART_DIR));
    cpSync(CHART_DIR, chartDir, { recursive: true });
    const values = files.reduce((merged, file) => coalesceValues(merged, (yaml.load(readFileSync(file, 'utf8')) as Values) ?? {}), defaults);
    writeFileSync(path.join(chartDir, 'values.yaml'), yaml.dump(values, { lineWidth: -1, noRefs: true }));
    return chartDir;
  });
  return { chartDirs, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
