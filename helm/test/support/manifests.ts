import yaml from 'js-yaml';
import { ConfigMap, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import type { IContainer, IPodSpec } from 'kubernetes-models/v1';

/** A rendered Kubernetes object, as plain data. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [field: string]: unknown;
}

/** Splits `helm template` output into its objects (empty documents dropped). */
export function parseManifest(manifest: string): KubeObject[] {
  return yaml.loadAll(manifest).filter((document): document is KubeObject => !!document && typeof document === 'object');
}

type Validating = { validate(): void };
/**
 * The Kubernetes 1.33 OpenAPI schemas, as kubernetes-models 4.5.1 compiles them, for every
 * kind the chart renders. A kind missing here fails the test: nothing goes unvalidated.
 */
const KUBERNETES_SCHEMAS: Record<string, new (data: never) => Validating> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
};

/**
 * Strimzi's KafkaTopic is a custom resource (not in Kubernetes' schemas): checked against the
 * fields of Strimzi's v1beta2 CRD that the chart uses.
 */
function strimziTopicProblems(object: KubeObject): string[] {
  const problems: string[] = [];
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  if (!object.metadata.labels?.['strimzi.io/cluster']) problems.push('metadata.labels.strimzi.io/cluster is required');
  if (typeof spec.topicName !== 'string' || !/^[a-zA-Z0-9._-]{1,249}$/.test(spec.topicName)) problems.push('spec.topicName must be a Kafka topic name');
  for (const field of ['partitions', 'replicas']) {
    if (!Number.isInteger(spec[field]) || (spec[field] as number) < 1) problems.push(`spec.${field} must be a positive integer`);
  }
  const known = new Set(['topicName', 'partitions', 'replicas', 'config']);
  for (const field of Object.keys(spec)) if (!known.has(field)) problems.push(`spec.${field} is not a KafkaTopic field`);
  return problems;
}

/** Why an object does not validate (empty when it does). */
export function schemaProblems(object: KubeObject): string[] {
  const key = `${object.apiVersion}/${object.kind}`;
  if (key === 'kafka.strimzi.io/v1beta2/KafkaTopic') return strimziTopicProblems(object);
  const Model = KUBERNETES_SCHEMAS[key];
  if (!Model) return [`no schema for ${key}`];
  try {
    new Model(object as never).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

export const byKind = (objects: KubeObject[], kind: string) => objects.filter((object) => object.kind === kind);

export function named(objects: KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name}; there are: ${byKind(objects, kind).map((o) => o.metadata.name).join(', ')}`);
  return found;
}

/** The pod spec of a Deployment or Job. */
export function podSpecOf(object: KubeObject): IPodSpec {
  return (object.spec as { template: { spec: IPodSpec } }).template.spec;
}

export function containersOf(object: KubeObject): IContainer[] {
  const pod = podSpecOf(object);
  return [...(pod.initContainers ?? []), ...pod.containers];
}
