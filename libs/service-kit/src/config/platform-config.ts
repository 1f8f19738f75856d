import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync, ValidationError } from 'class-validator';
import { TOPIC_PREFIX_PATTERN } from '@fremskudt/contracts';
import { DEFAULT_RETRY_POLICY, MessagingConfig } from '@fremskudt/messaging';
import { DatabaseUrls, roleOf } from '@fremskudt/persistence';
import { AuthConfig } from '../auth/token-verifier';
import { loadTenantConfigFile, TenantConfig } from './tenant-config';

/** The audience the platform's tokens are issued for, unless OIDC_AUDIENCE names another. */
export const DEFAULT_AUDIENCE = 'urn:fremskudt:api';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;
const BROKER_LIST = /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1');

/** The environment every service reads. Defaults suit local development. */
export class PlatformEnvironment {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT?: number;

  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL of the runtime (non-owner) role' })
  DATABASE_URL: string;

  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL of the outbox relay role' })
  DATABASE_RELAY_URL: string;

  @IsOptional() @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL of the owner role' })
  DATABASE_MIGRATION_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional() @Matches(BROKER_LIST, { message: 'must be host:port[,host:port...]' })
  KAFKA_BROKERS?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  KAFKA_SSL?: boolean;

  @IsOptional() @IsIn(['plain', 'scram-sha-256', 'scram-sha-512'])
  KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512';

  @IsOptional() @IsString()
  KAFKA_SASL_USERNAME?: string;

  @IsOptional() @IsString()
  KAFKA_SASL_PASSWORD?: string;

  @IsOptional() @Matches(TOPIC_PREFIX_PATTERN, { message: 'must be lower-case dot-separated words, e.g. kbh or fremskudt.kbh' })
  TOPIC_PREFIX?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  TOPIC_PARTITIONS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10)
  TOPIC_REPLICATION_FACTOR?: number;

  @IsOptional() @Matches(/^[A-Za-z0-9._-]+$/, { message: 'must be a Kafka group id' })
  CONSUMER_GROUP_ID?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  CONSUMER_MAX_ATTEMPTS?: number;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** The identity broker's issuer URL; its tokens are the only way in (the local provider in development). */
  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be the http(s) issuer URL of the OIDC provider' })
  OIDC_ISSUER?: string;

  @IsOptional() @IsString()
  OIDC_AUDIENCE?: string;

  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  OIDC_JWKS_URI?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_:\/.-]+$/, { message: 'must be a claim name' })
  OIDC_TENANT_CLAIM?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_:\/.-]+$/, { message: 'must be a claim name' })
  OIDC_ROLES_CLAIM?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_:\/.-]+$/, { message: 'must be a claim name' })
  OIDC_ORG_CLAIM?: string;

  /** Largest JSON request body, as bytes or with a unit (`512kb`, `1mb`); other body types are refused. */
  @IsOptional() @Matches(/^\d{1,9}(b|kb|mb)?$/i, { message: 'must be a size in bytes, or with a unit: 512kb, 1mb' })
  HTTP_BODY_LIMIT?: string;

  /** Proxies (ingress hops) in front of the service whose X-Forwarded-For is trusted for the client address. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10)
  HTTP_TRUST_PROXY_HOPS?: number;

  /** Requests per minute one user (or one client address without a token) may make. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000)
  RATE_LIMIT_PER_MINUTE?: number;

  /** Requests per minute one user may make to the login-sensitive lookups (@SensitiveLookup, e.g. CPR search). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000)
  SENSITIVE_RATE_LIMIT_PER_MINUTE?: number;

  /** Failed authentications (401) per minute from one client address before it must wait. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000)
  AUTH_FAILURE_LIMIT_PER_MINUTE?: number;

  /** The municipality's configuration (JSON; the Helm chart mounts its `tenant` values). */
  @IsOptional() @IsString()
  TENANT_CONFIG_FILE?: string;
}

export interface PlatformConfig {
  serviceName: string;
  port: number;
  database: DatabaseUrls & { poolSize: number };
  messaging: MessagingConfig;
  logLevel: string;
  auth: AuthConfig;
  /** From TENANT_CONFIG_FILE, validated; undefined when the variable is not set (local runs, tests). */
  tenant?: TenantConfig;
  http: HttpConfig;
}

/** The limits the HTTP side enforces (see libs/service-kit/src/http/request-limits.ts and rate-limits.ts). */
export interface HttpConfig {
  /** Largest JSON body (body-parser syntax: bytes or `512kb`, `1mb`). */
  bodyLimit: string;
  /** Proxy hops trusted for the client address (Express `trust proxy`); 0 trusts none. */
  trustProxyHops: number;
  rateLimits: {
    /** Requests per minute per user, on every endpoint together. */
    perMinute: number;
    /** Requests per minute per user on the endpoints marked @SensitiveLookup(), together. */
    sensitivePerMinute: number;
    /** Failed authentications per minute per client address. */
    authFailuresPerMinute: number;
  };
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = {
  bodyLimit: '1mb',
  trustProxyHops: 0,
  rateLimits: { perMinute: 1200, sensitivePerMinute: 30, authFailuresPerMinute: 60 },
};

export class ConfigValidationError extends Error {
  constructor(
    readonly serviceName: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration for service "${serviceName}":\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

const describe = (errors: ValidationError[]) =>
  errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message.replace(`${error.property} `, '')}`));

/**
 * Reads and validates the environment; throws one error naming every missing or invalid
 * variable (values of secrets are never printed).
 */
export function loadPlatformConfig(
  env: Record<string, string | undefined>,
  service: { name: string; defaultPort: number },
): PlatformConfig {
  const parsed = plainToInstance(PlatformEnvironment, { ...env });
  const problems = describe(validateSync(parsed, { skipMissingProperties: false, forbidUnknownValues: false, stopAtFirstError: true }));
  if (!problems.length) {
    const roles = [parsed.DATABASE_URL, parsed.DATABASE_RELAY_URL, parsed.DATABASE_MIGRATION_URL]
      .filter((url): url is string => !!url)
      .map(roleOf);
    if (new Set(roles).size !== roles.length) {
      problems.push('DATABASE_URL, DATABASE_RELAY_URL and DATABASE_MIGRATION_URL must use three different roles (runtime, relay, owner)');
    }
    if (parsed.KAFKA_SASL_MECHANISM && !(parsed.KAFKA_SASL_USERNAME && parsed.KAFKA_SASL_PASSWORD)) {
      problems.push('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM');
    }
  }
  const tenant = parsed.TENANT_CONFIG_FILE ? loadTenantConfigFile(parsed.TENANT_CONFIG_FILE) : { config: null, problems: [] };
  problems.push(...tenant.problems);
  if (tenant.config && parsed.TOPIC_PREFIX && tenant.config.topicPrefix !== parsed.TOPIC_PREFIX) {
    problems.push(`TOPIC_PREFIX: "${parsed.TOPIC_PREFIX}" differs from tenant.topicPrefix "${tenant.config.topicPrefix}" in TENANT_CONFIG_FILE`);
  }
  const identity = tenant.config?.identity;
  const issuer = parsed.OIDC_ISSUER ?? identity?.issuer;
  // An unreadable tenant file is reported already; its missing issuer would only repeat it.
  if (!issuer && !parsed.TENANT_CONFIG_FILE) problems.push('OIDC_ISSUER: is required (or tenant.identity.issuer in TENANT_CONFIG_FILE): the services accept only its tokens');
  if (parsed.OIDC_ISSUER && identity && identity.issuer !== parsed.OIDC_ISSUER) {
    problems.push(`OIDC_ISSUER: "${parsed.OIDC_ISSUER}" differs from tenant.identity.issuer "${identity.issuer}" in TENANT_CONFIG_FILE`);
  }
  if (problems.length) throw new ConfigValidationError(service.name, problems);

  const topicPrefix = parsed.TOPIC_PREFIX ?? tenant.config?.topicPrefix ?? 'fremskudt';
  return {
    serviceName: service.name,
    port: parsed.PORT ?? service.defaultPort,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    auth: {
      issuer: issuer!,
      audience: parsed.OIDC_AUDIENCE ?? identity?.audience ?? DEFAULT_AUDIENCE,
      jwksUri: parsed.OIDC_JWKS_URI,
      claims: {
        tenant: parsed.OIDC_TENANT_CLAIM ?? 'tenant',
        roles: parsed.OIDC_ROLES_CLAIM ?? 'roles',
        organisation: parsed.OIDC_ORG_CLAIM ?? 'org',
      },
    },
    tenant: tenant.config ?? undefined,
    http: {
      bodyLimit: parsed.HTTP_BODY_LIMIT?.toLowerCase() ?? DEFAULT_HTTP_CONFIG.bodyLimit,
      trustProxyHops: parsed.HTTP_TRUST_PROXY_HOPS ?? DEFAULT_HTTP_CONFIG.trustProxyHops,
      rateLimits: {
        perMinute: parsed.RATE_LIMIT_PER_MINUTE ?? DEFAULT_HTTP_CONFIG.rateLimits.perMinute,
        sensitivePerMinute: parsed.SENSITIVE_RATE_LIMIT_PER_MINUTE ?? DEFAULT_HTTP_CONFIG.rateLimits.sensitivePerMinute,
        authFailuresPerMinute: parsed.AUTH_FAILURE_LIMIT_PER_MINUTE ?? DEFAULT_HTTP_CONFIG.rateLimits.authFailuresPerMinute,
      },
    },
    database: {
      app: parsed.DATABASE_URL,
      relay: parsed.DATABASE_RELAY_URL,
      migration: parsed.DATABASE_MIGRATION_URL,
      poolSize: parsed.DATABASE_POOL_SIZE ?? 10,
    },
    messaging: {
      brokers: (parsed.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      serviceName: service.name,
      topicPrefix,
      consumerGroupId: parsed.CONSUMER_GROUP_ID ?? `${topicPrefix}.${service.name}`,
      topicPartitions: parsed.TOPIC_PARTITIONS ?? 3,
      topicReplicationFactor: parsed.TOPIC_REPLICATION_FACTOR ?? 1,
      ssl: parsed.KAFKA_SSL,
      sasl: parsed.KAFKA_SASL_MECHANISM
        ? ({ mechanism: parsed.KAFKA_SASL_MECHANISM, username: parsed.KAFKA_SASL_USERNAME!, password: parsed.KAFKA_SASL_PASSWORD! } as MessagingConfig['sasl'])
        : undefined,
      retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: parsed.CONSUMER_MAX_ATTEMPTS ?? DEFAULT_RETRY_POLICY.maxAttempts },
      partitionsConsumedConcurrently: Math.min(parsed.TOPIC_PARTITIONS ?? 3, 3),
    },
  };
}
