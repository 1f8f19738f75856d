import { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export type DeadLetterReason = 'malformed-message' | 'unknown-event-type' | 'invalid-payload' | 'invalid-envelope' | 'handler-failed';

export interface DeadLetter {
  sourceTopic: string;
  partition: number;
  message: KafkaMessage;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
}

/** The `dlt_*` headers added to the original headers, key and value of a dead-lettered message. */
export function deadLetterHeaders(consumerGroup: string, letter: DeadLetter, now = new Date()): IHeaders {
  return {
    ...(letter.message.headers ?? {}),
    dlt_reason: letter.reason,
    dlt_error: letter.error.slice(0, 4_000),
    dlt_source_topic: letter.sourceTopic,
    dlt_source_partition: String(letter.partition),
    dlt_source_offset: letter.message.offset,
    dlt_consumer_group: consumerGroup,
    dlt_attempts: String(letter.attempts),
    dlt_failed_at: now.toISOString(),
  };
}

export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly consumerGroup: string,
    readonly topic: string,
  ) {}

  async publish(letter: DeadLetter): Promise<void> {
    await this.producer.send({
      topic: this.topic,
      messages: [
        {
          key: letter.message.key,
          value: letter.message.value,
          headers: deadLetterHeaders(this.consumerGroup, letter),
          timestamp: letter.message.timestamp,
        },
      ],
    });
  }
}
