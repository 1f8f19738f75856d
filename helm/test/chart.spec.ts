import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { ALL_EVENT_CONTRACTS, deadLetterTopicName } from '@fremskudt/contracts';
import { TENANT_CONFIG_SCHEMA } from '@fremskudt/service-kit';
import { CHART_DIR, chartsWithValues, HelmJob, HelmResult, runHelm } from '../tools/helm-runner/helm-runner';
import { byKind, containersOf, KubeObject, named, parseManifest, podSpecOf, schemaProblems } from './support/manifests';

// The chart rendered by the real Helm engine (helm-java), once for the whole file: one JVM runs
// every lint and template below. The first run on a machine downloads helm-java with Maven.
jest.setTimeout(600_000);

const REPO_ROOT = path.resolve(__dirname, '../..');
const example = (name: string) => path.join(REPO_ROOT, 'helm/values', `${name}.yaml`);
const fixture = (name: string) => path.join(__dirname, 'fixtures', `${name}.yaml`);
const EXAMPLES = ['copenhagen', 'slagelse', 'test-cluster'] as const;
type Example = (typeof EXAMPLES)[number];
const SERVICES = ['caseload', 'counselling', 'companies', 'projects', 'reporting'];

/** Named template runs: the examples, invalid values on top of Copenhagen, a sixth service. */
const TEMPLATE_RUNS: Record<string, string[]> = {
  ...Object.fromEntries(EXAMPLES.map((name) => [name, [example(name)]])),
  invalidWeekday: [example('copenhagen'), fixture('invalid-tenant-weekday')],
  invalidIssuer: [example('copenhagen'), fixture('invalid-tenant-issuer')],
  invalidDeskArea: [example('copenhagen'), fixture('invalid-tenant-desk-area')],
  latestTag: [example('copenhagen'), fixture('invalid-latest-tag')],
  sixthService: [example('test-cluster'), fixture('sixth-service')],
};
const LINT_RUNS: Record<string, string[]> = {
  ...Object.fromEntries(EXAMPLES.map((name) => [name, [example(name)]])),
  invalidWeekday: TEMPLATE_RUNS.invalidWeekday,
};

const releaseOf = (run: string) => `fremskudt-${run.toLowerCase()}`;
let helmVersion: string;
const templates: Record<string, HelmResult> = {};
const lints: Record<string, HelmResult> = {};
const rendered: Record<string, KubeObject[]> = {};

beforeAll(() => {
  const lintNames = Object.keys(LINT_RUNS);
  const templateNames = Object.keys(TEMPLATE_RUNS);
  const copies = chartsWithValues(lintNames.map((name) => LINT_RUNS[name]));
  try {
    const jobs: HelmJob[] = [
      { command: 'version' },
      ...copies.chartDirs.map((chartDir): HelmJob => ({ command: 'lint', chartDir })),
      ...templateNames.map((name): HelmJob => ({ command: 'template', chartDir: CHART_DIR, release: releaseOf(name), namespace: releaseOf(name), valuesFiles: TEMPLATE_RUNS[name] })),
    ];
    const results = runHelm(jobs);
    helmVersion = results[0].output.trim();
    lintNames.forEach((name, index) => (lints[name] = results[1 + index]));
    templateNames.forEach((name, index) => (templates[name] = results[1 + lintNames.length + index]));
  } finally {
    copies.cleanup();
  }
  for (const [name, result] of Object.entries(templates)) if (result.ok) rendered[name] = parseManifest(result.output);
});

const valuesOf = (name: Example) => yaml.load(readFileSync(example(name), 'utf8')) as { tenant: Record<string, unknown> };
const enabledIn = (name: Example) => (name === 'slagelse' ? SERVICES.filter((service) => service !== 'projects') : SERVICES);
/** [registry[:port]/]repository[:tag][@digest] */
const IMAGE_REFERENCE = /^(?:[^/:@]+(?::\d+)?\/)?[^:@]+(?::(?<tag>\w[\w.-]{0,127}))?(?:@(?<digest>sha256:[a-f0-9]{64}))?$/;
const workloads = (objects: KubeObject[]) => [...byKind(objects, 'Deployment'), ...byKind(objects, 'Job')];

describe('the embedded Helm', () => {
  it('is the version the README names', () => {
    expect(helmVersion).toMatch(/^v3\.\d+\.\d+$/);
    expect(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).toContain(`Helm ${helmVersion}`);
  });
});

describe.each(EXAMPLES)('the %s values', (name) => {
  it('pass helm lint (strict) and helm template', () => {
    expect(lints[name]).toMatchObject({ ok: true });
    expect(lints[name].messages.filter((message) => /^\[(WARNING|ERROR)\]/.test(message))).toEqual([]);
    expect(templates[name]).toMatchObject({ ok: true, error: null });
  });

  it('render only objects that validate against the Kubernetes 1.33 schemas', () => {
    const problems = rendered[name].flatMap((object) => schemaProblems(object).map((problem) => `${object.kind}/${object.metadata.name}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('render a Deployment, Service, ServiceAccount, PodDisruptionBudget and migrations Job per enabled service', () => {
    const objects = rendered[name];
    const release = releaseOf(name);
    for (const service of enabledIn(name)) {
      for (const kind of ['Deployment', 'Service', 'ServiceAccount', 'PodDisruptionBudget']) named(objects, kind, `${release}-${service}`);
      const job = named(objects, 'Job', `${release}-${service}-migrations`);
      expect(job.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade' });
      expect(containersOf(job)[0].args).toEqual(['node', '/app/main.js', 'migrate']);
      expect(containersOf(job)[0].env?.map((env) => env.name)).toContain('DATABASE_MIGRATION_URL');
    }
    expect(byKind(objects, 'Deployment')).toHaveLength(enabledIn(name).length);
  });

  it('scale every service with an HPA where autoscaling is on, and point each at its Deployment', () => {
    const objects = rendered[name];
    const hpas = byKind(objects, 'HorizontalPodAutoscaler');
    expect(hpas).toHaveLength(name === 'test-cluster' ? 0 : enabledIn(name).length);
    for (const hpa of hpas) {
      const target = (hpa.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef;
      named(objects, target.kind, target.name);
      expect(named(objects, 'Deployment', target.name).spec).not.toHaveProperty('replicas');
    }
  });

  it('run every pod as non-root with a read-only root filesystem, no privilege escalation and seccomp RuntimeDefault', () => {
    for (const workload of workloads(rendered[name])) {
      const pod = podSpecOf(workload);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of containersOf(workload)) {
        expect(container.securityContext).toMatchObject({
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          privileged: false,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  it('set CPU and memory requests and limits on every container', () => {
    for (const workload of workloads(rendered[name])) {
      for (const container of containersOf(workload)) {
        expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('pin every image to a version (no latest, no missing tag)', () => {
    for (const workload of workloads(rendered[name])) {
      for (const container of containersOf(workload)) {
        const reference = IMAGE_REFERENCE.exec(container.image ?? '');
        expect({ image: container.image, parsed: !!reference }).toEqual({ image: container.image, parsed: true });
        const { tag, digest } = reference!.groups!;
        expect(tag || digest).toBeTruthy();
        expect(tag).not.toBe('latest');
      }
    }
  });

  it('probe every service on /health/live (startup, liveness) and /health/ready (readiness)', () => {
    for (const deployment of byKind(rendered[name], 'Deployment')) {
      const [container] = containersOf(deployment);
      expect(container.startupProbe?.httpGet).toMatchObject({ path: '/health/live', port: 'http' });
      expect(container.livenessProbe?.httpGet).toMatchObject({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe?.httpGet).toMatchObject({ path: '/health/ready', port: 'http' });
      expect(container.ports).toEqual([expect.objectContaining({ name: 'http' })]);
      // Time to leave the endpoints, then to drain after SIGTERM.
      expect(container.lifecycle?.preStop?.sleep?.seconds).toBeGreaterThan(0);
      expect(podSpecOf(deployment).terminationGracePeriodSeconds).toBeGreaterThan(container.lifecycle!.preStop!.sleep!.seconds + 10);
    }
  });

  it('reference Secrets for every connection string and credential, and render no Secret', () => {
    const objects = rendered[name];
    expect(byKind(objects, 'Secret')).toEqual([]);
    expect(templates[name].output).not.toMatch(/postgres(ql)?:\/\//);
    const secretVariables = /^(DATABASE_(RELAY_|MIGRATION_)?URL|KAFKA_BROKERS|KAFKA_SASL_(USERNAME|PASSWORD)|PARTNER_PSEUDONYM_KEY|CPR_ENCRYPTION_KEYS?|CPR_HASH_KEY(_PREVIOUS|_NEXT)?)$/;
    for (const workload of workloads(objects)) {
      for (const container of containersOf(workload)) {
        for (const variable of container.env ?? []) {
          if (secretVariables.test(variable.name)) {
            expect({ name: variable.name, value: variable.value }).toEqual({ name: variable.name, value: undefined });
            expect(variable.valueFrom?.secretKeyRef?.name).toBeTruthy();
          }
        }
      }
    }
    // The runtime pods never get the owner role; only the migrations Jobs do.
    for (const deployment of byKind(objects, 'Deployment')) {
      expect(containersOf(deployment)[0].env?.map((env) => env.name)).not.toContain('DATABASE_MIGRATION_URL');
    }
  });

  it("give projects the key of the partners' pseudonyms from its own Secret", () => {
    const deployments = byKind(rendered[name], 'Deployment').filter((deployment) => deployment.metadata.name === `${releaseOf(name)}-projects`);
    expect(deployments).toHaveLength(enabledIn(name).includes('projects') ? 1 : 0);
    for (const deployment of deployments) {
      expect(containersOf(deployment)[0].env?.find((variable) => variable.name === 'PARTNER_PSEUDONYM_KEY')).toEqual({
        name: 'PARTNER_PSEUDONYM_KEY',
        valueFrom: { secretKeyRef: { name: `${releaseOf(name)}-projects-secrets`, key: 'partner-pseudonym-key' } },
      });
    }
  });

  it('give caseload and its migrations Job the CPR keys from its own Secret, and no other service', () => {
    const release = releaseOf(name);
    const cprKeys = (workload: KubeObject) => (containersOf(workload)[0].env ?? []).filter((variable) => variable.name.startsWith('CPR_'));
    for (const workload of [named(rendered[name], 'Deployment', `${release}-caseload`), named(rendered[name], 'Job', `${release}-caseload-migrations`)]) {
      // The hash key always; the single encryption key or the keyring, and the other hash key of
      // a rotation, as the Secret holds them (optional references, README "Rotating the CPR keys").
      const fromSecret = (key: string, optional?: true) => ({ secretKeyRef: { name: `${release}-caseload-secrets`, key, ...(optional ? { optional } : {}) } });
      expect(cprKeys(workload)).toEqual([
        { name: 'CPR_ENCRYPTION_KEY', valueFrom: fromSecret('cpr-encryption-key', true) },
        { name: 'CPR_ENCRYPTION_KEYS', valueFrom: fromSecret('cpr-encryption-keys', true) },
        { name: 'CPR_HASH_KEY', valueFrom: fromSecret('cpr-hash-key') },
        { name: 'CPR_HASH_KEY_PREVIOUS', valueFrom: fromSecret('cpr-hash-key-previous', true) },
        { name: 'CPR_HASH_KEY_NEXT', valueFrom: fromSecret('cpr-hash-key-next', true) },
      ]);
    }
    for (const workload of workloads(rendered[name]).filter((object) => !object.metadata.name.startsWith(`${release}-caseload`))) {
      expect(cprKeys(workload)).toEqual([]);
    }
  });

  it('deny all traffic by default and allow out only DNS, PostgreSQL, Kafka and the identity provider', () => {
    const objects = rendered[name];
    const release = releaseOf(name);
    const deny = named(objects, 'NetworkPolicy', `${release}-default-deny`);
    expect(deny.spec).toEqual({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'fremskudt', 'app.kubernetes.io/instance': release } }, policyTypes: ['Ingress', 'Egress'] });
    const egress = named(objects, 'NetworkPolicy', `${release}-egress`).spec as { egress: Array<{ to?: unknown[]; ports: Array<{ port: number }> }> };
    const values = yaml.load(readFileSync(example(name), 'utf8')) as { networkPolicy: Record<string, { peers: unknown[]; ports: number[] }> };
    expect(egress.egress.map((rule) => rule.ports.map((port) => port.port))).toEqual([
      [53, 53],
      values.networkPolicy.postgres.ports,
      values.networkPolicy.kafka.ports,
      values.networkPolicy.identityProvider.ports,
    ]);
    // The examples name their destinations: no rule is open to every address.
    expect(egress.egress.every((rule) => (rule.to ?? []).length > 0)).toBe(true);
  });

  it('route only API paths, through the ingress controller, to services that exist', () => {
    const objects = rendered[name];
    const [ingress] = byKind(objects, 'Ingress');
    const rules = (ingress.spec as { rules: Array<{ host: string; http: { paths: Array<{ path: string; backend: { service: { name: string; port: { name: string } } } }> } }> }).rules;
    for (const rule of rules) {
      for (const route of rule.http.paths) {
        expect(route.path).not.toMatch(/^\/(health|docs)?(\/|$)/);
        expect(named(objects, 'Service', route.backend.service.name)).toBeTruthy();
        expect(route.backend.service.port.name).toBe('http');
        expect(rule.host.startsWith(`${route.backend.service.name.replace(`${releaseOf(name)}-`, '')}.`)).toBe(true);
        const service = route.backend.service.name.replace(`${releaseOf(name)}-`, '');
        const policy = named(objects, 'NetworkPolicy', `${releaseOf(name)}-${service}-ingress`).spec as { ingress: Array<{ from: unknown[]; ports: unknown[] }> };
        expect(policy.ingress).toEqual([{ from: [expect.objectContaining({ namespaceSelector: expect.any(Object) })], ports: [{ protocol: 'TCP', port: 'http' }] }]);
      }
    }
  });

  it("select each Deployment's pods with its Service and PodDisruptionBudget", () => {
    const objects = rendered[name];
    for (const deployment of byKind(objects, 'Deployment')) {
      const podLabels = (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
      const service = named(objects, 'Service', deployment.metadata.name).spec as { selector: Record<string, string> };
      const budget = named(objects, 'PodDisruptionBudget', deployment.metadata.name).spec as { selector: { matchLabels: Record<string, string> } };
      expect(podLabels).toMatchObject(service.selector);
      expect(podLabels).toMatchObject(budget.selector.matchLabels);
      expect(podSpecOf(deployment).serviceAccountName).toBe(named(objects, 'ServiceAccount', deployment.metadata.name).metadata.name);
    }
  });

  it("mount the tenant's configuration into every service and use its topic prefix", () => {
    const objects = rendered[name];
    const tenant = valuesOf(name).tenant;
    const configMap = named(objects, 'ConfigMap', `${releaseOf(name)}-tenant`);
    expect(JSON.parse(configMap.data!['tenant.json'])).toEqual(tenant);
    for (const deployment of byKind(objects, 'Deployment')) {
      const env = Object.fromEntries((containersOf(deployment)[0].env ?? []).map((variable) => [variable.name, variable.value]));
      expect(env).toMatchObject({ TENANT_CONFIG_FILE: '/etc/fremskudt/tenant.json', TOPIC_PREFIX: tenant.topicPrefix, HOST: '0.0.0.0' });
      expect((deployment.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations['checksum/tenant']).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('Strimzi topics', () => {
  it('are one KafkaTopic per stream of libs/contracts and one dead-letter topic per service', () => {
    const streams = new Set(ALL_EVENT_CONTRACTS.map((contract) => `${contract.stream.domain}.${contract.stream.name}.v${contract.stream.version}`));
    const topics = byKind(rendered.slagelse, 'KafkaTopic').map((topic) => (topic.spec as { topicName: string }).topicName);
    const expected = [
      ...[...streams].map((stream) => `slagelse.${stream}`),
      ...enabledIn('slagelse').map((service) => deadLetterTopicName(`slagelse.${service}`)),
    ];
    expect(topics.sort()).toEqual(expected.sort());
    expect(byKind(rendered.copenhagen, 'KafkaTopic')).toEqual([]);
  });

  it('carry partitions, replicas and retention from the values', () => {
    for (const topic of byKind(rendered.slagelse, 'KafkaTopic')) {
      expect(topic.spec).toMatchObject({ partitions: 3, replicas: 3, config: { 'retention.ms': 1209600000, 'min.insync.replicas': 2 } });
      expect(topic.metadata.labels).toMatchObject({ 'strimzi.io/cluster': 'slagelse-kafka' });
    }
  });
});

describe('one values map', () => {
  it('generates every per-service object for a sixth service from its map entry alone', () => {
    const objects = rendered.sixthService;
    expect(templates.sixthService.error).toBeNull();
    for (const kind of ['Deployment', 'Service', 'ServiceAccount', 'PodDisruptionBudget']) named(objects, kind, 'fremskudt-sixthservice-statistics-export');
    named(objects, 'Job', 'fremskudt-sixthservice-statistics-export-migrations');
    expect(containersOf(named(objects, 'Deployment', 'fremskudt-sixthservice-statistics-export'))[0].image).toBe('localhost:5000/fremskudt/statistics-export:0.1.0-dev');
  });

  it('renders nothing for a disabled service', () => {
    expect(rendered.slagelse.filter((object) => object.metadata.name.includes('-projects'))).toEqual([]);
  });
});

describe('invalid values', () => {
  it('stop helm template and helm lint with a message naming the tenant field', () => {
    expect(templates.invalidWeekday).toMatchObject({ ok: false });
    expect(templates.invalidWeekday.error).toContain("at '/tenant/desks/0/weekly/0/weekday'");
    expect(lints.invalidWeekday.ok).toBe(false);
    expect(lints.invalidWeekday.messages.join('\n')).toContain("at '/tenant/desks/0/weekly/0/weekday'");
  });

  it('name a removed required tenant field', () => {
    expect(templates.invalidIssuer.ok).toBe(false);
    expect(templates.invalidIssuer.error).toContain("at '/tenant/identity/issuer'");
  });

  it('name a desk whose area the tenant does not have (checked by the chart, as by the services)', () => {
    expect(templates.invalidDeskArea.ok).toBe(false);
    expect(templates.invalidDeskArea.error).toContain('tenant.desks[0].areaCode: "vollsmose" is not one of tenant.areas[].code');
  });

  it('refuse a latest image tag', () => {
    expect(templates.latestTag.ok).toBe(false);
    expect(templates.latestTag.error).toContain("at '/services/caseload/image/tag'");
  });
});

describe('values.schema.json', () => {
  it("embeds the services' tenant configuration schema unchanged (npm run helm:schema copies it)", () => {
    const chartSchema = JSON.parse(readFileSync(path.join(CHART_DIR, 'values.schema.json'), 'utf8'));
    const { description: _description, ...tenant } = chartSchema.properties.tenant;
    expect(tenant).toEqual(TENANT_CONFIG_SCHEMA);
  });
});
