import { SASLOptions } from 'kafkajs';

export interface RetryPolicy {
  /** Attempts per message before it is dead-lettered (first try included). */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export interface MessagingConfig {
  brokers: string[];
  /** Kafka client id and CloudEvents `source` suffix, e.g. `caseload`. */
  serviceName: string;
  topicPrefix: string;
  /** Exact consumer group id (no suffix is appended). */
  consumerGroupId: string;
  topicPartitions: number;
  topicReplicationFactor: number;
  ssl?: boolean;
  sasl?: SASLOptions;
  retry: RetryPolicy;
  /** Partitions processed in parallel by one consumer; order within a partition always holds. */
  partitionsConsumedConcurrently: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, initialBackoffMs: 200, maxBackoffMs: 5_000 };

export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, attempt - 1));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
