import { readFileSync } from 'node:fs';
import Ajv, { ErrorObject } from 'ajv';
import { TENANT_CONFIG_SCHEMA } from './tenant-config.schema';

/** The municipality's configuration (TENANT_CONFIG_FILE; the Helm chart's `tenant` values). */
export interface TenantConfig {
  id: string;
  name: string;
  topicPrefix: string;
  identity: { issuer: string; audience?: string };
  areas: Array<{ code: string; name: string; residents?: number }>;
  desks?: Array<{
    areaCode: string;
    name: string;
    location: string;
    weekly: Array<{ weekday: number; opens: string; closes: string }>;
  }>;
  /** Placeholder until the goals issue defines goal definitions fully. */
  goals?: Array<{ code: string; name: string; kind: string; target?: number; period?: string; [detail: string]: unknown }>;
}

const validateSchema = new Ajv({ allErrors: true, strict: true }).compile<TenantConfig>(TENANT_CONFIG_SCHEMA);

/** `/desks/0/weekly/1/opens` → `tenant.desks[0].weekly[1].opens` (the chart's values path) */
function fieldPath(instancePath: string, child?: string): string {
  const segments = [...instancePath.split('/').slice(1), ...(child === undefined ? [] : [child])];
  return segments.reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : `${path}.${segment}`), 'tenant');
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `${fieldPath(error.instancePath, error.params.missingProperty)}: is required`;
    case 'additionalProperties':
      return `${fieldPath(error.instancePath, error.params.additionalProperty)}: is not a tenant configuration field`;
    default:
      return `${fieldPath(error.instancePath)}: ${error.message}`;
  }
}

/** What the schema cannot say: desks in declared areas, unique area codes, closing after opening. */
function crossFieldProblems(config: TenantConfig): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  config.areas.forEach((area, index) => {
    if (codes.has(area.code)) problems.push(`tenant.areas[${index}].code: "${area.code}" is declared twice`);
    codes.add(area.code);
  });
  (config.desks ?? []).forEach((desk, index) => {
    if (!codes.has(desk.areaCode)) problems.push(`tenant.desks[${index}].areaCode: "${desk.areaCode}" is not one of tenant.areas[].code (${[...codes].join(', ')})`);
    desk.weekly.forEach((opening, slot) => {
      if (opening.closes <= opening.opens) problems.push(`tenant.desks[${index}].weekly[${slot}]: closes (${opening.closes}) must be after opens (${opening.opens})`);
    });
  });
  return problems;
}

/**
 * Validates a parsed tenant configuration against the schema the Helm chart uses too, then the
 * cross-field rules. Returns the configuration, or the problems, each naming its field.
 */
export function validateTenantConfig(data: unknown): { config: TenantConfig; problems: [] } | { config: null; problems: string[] } {
  if (!validateSchema(data)) return { config: null, problems: (validateSchema.errors ?? []).map(describe) };
  const problems = crossFieldProblems(data);
  return problems.length ? { config: null, problems } : { config: data, problems: [] };
}

/** Reads and validates TENANT_CONFIG_FILE (JSON); problems name the file and the field. */
export function loadTenantConfigFile(file: string): { config: TenantConfig | null; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { config: null, problems: [`TENANT_CONFIG_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { config: null, problems: [`TENANT_CONFIG_FILE: ${file} is not JSON (${(error as Error).message})`] };
  }
  const result = validateTenantConfig(data);
  return { config: result.config, problems: result.problems.map((problem) => `TENANT_CONFIG_FILE (${file}): ${problem}`) };
}
