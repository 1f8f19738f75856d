// Helm through the embedded engine (helm-java), for people and CI alike; no Helm binary needed.
//   npm run helm -- check                         lint + template every values file in helm/values/
//   npm run helm -- template helm/values/copenhagen.yaml [more values files]
//   npm run helm -- lint helm/values/slagelse.yaml
//   npm run helm -- version                       the Helm version helm-java embeds
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CHART_DIR, chartsWithValues, HelmResult, runHelm } from './helm-runner/helm-runner';

const EXAMPLES_DIR = path.resolve(__dirname, '../values');
const [command = 'check', ...files] = process.argv.slice(2);
const valuesFiles = files.map((file) => path.resolve(file));

function report(label: string, result: HelmResult): boolean {
  const status = result.ok ? 'ok' : 'FAILED';
  console.log(`${status.padEnd(6)} ${label}`);
  for (const message of result.messages.filter((line) => line.trim() && !line.startsWith('[INFO]'))) console.log(`       ${message}`);
  if (result.error) console.log(`       ${result.error.split('\n').join('\n       ')}`);
  return result.ok;
}

function releaseFor(file: string): string {
  return `fremskudt-${path.basename(file, path.extname(file))}`;
}

function main(): number {
  switch (command) {
    case 'version':
      console.log(runHelm([{ command: 'version' }])[0].output);
      return 0;
    case 'template': {
      const [result] = runHelm([{ command: 'template', chartDir: CHART_DIR, release: releaseFor(valuesFiles[0] ?? 'release'), namespace: 'default', valuesFiles }]);
      if (!result.ok) return report('helm template', result) ? 0 : 1;
      process.stdout.write(result.output);
      return 0;
    }
    case 'lint': {
      const copies = chartsWithValues([valuesFiles]);
      try {
        return report(`helm lint ${files.join(' ')}`, runHelm([{ command: 'lint', chartDir: copies.chartDirs[0] }])[0]) ? 0 : 1;
      } finally {
        copies.cleanup();
      }
    }
    case 'check': {
      const examples = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.yaml')).map((file) => path.join(EXAMPLES_DIR, file));
      const copies = chartsWithValues(examples.map((file) => [file]));
      try {
        const results = runHelm([
          { command: 'version' },
          ...copies.chartDirs.map((chartDir) => ({ command: 'lint' as const, chartDir })),
          ...examples.map((file) => ({ command: 'template' as const, chartDir: CHART_DIR, release: releaseFor(file), namespace: releaseFor(file), valuesFiles: [file] })),
        ]);
        console.log(`Helm ${results[0].output} (embedded by helm-java)`);
        const lints = results.slice(1, 1 + examples.length);
        const templates = results.slice(1 + examples.length);
        const ok = examples.map((file, index) => {
          const name = path.relative(process.cwd(), file);
          return [report(`helm lint -f ${name}`, lints[index]), report(`helm template -f ${name}`, templates[index])].every(Boolean);
        });
        return ok.every(Boolean) ? 0 : 1;
      } finally {
        copies.cleanup();
      }
    }
    default:
      console.error(`unknown command '${command}': use check, template, lint or version`);
      return 2;
  }
}

process.exitCode = main();
