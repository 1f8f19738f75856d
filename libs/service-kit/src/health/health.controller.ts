import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { MessagingRuntime } from '@fremskudt/messaging';
import { PublicRoute } from '../auth/permissions';

interface Check {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
  ) {}

  /** The process is alive and its event loop answers. */
  @Get('live')
  @ApiOkResponse({ description: 'Alive' })
  live() {
    return { status: 'up' };
  }

  /** Ready to serve: database reachable, Kafka reachable, consumer not crashed. */
  @Get('ready')
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; the body names the failing check' })
  async ready(@Res({ passthrough: true }) response: Response) {
    const [database, kafka] = await Promise.all([this.databaseCheck(), this.kafkaCheck()]);
    const checks = { database, kafka };
    const status = Object.values(checks).every((check) => check.status === 'up') ? 'up' : 'down';
    if (status === 'down') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status, checks };
  }

  private async databaseCheck(): Promise<Check> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', error: (error as Error).message };
    }
  }

  private async kafkaCheck(): Promise<Check> {
    const health = await this.messaging.health();
    const consumerOk = health.consumer.state === 'running';
    return {
      status: health.brokerReachable && consumerOk ? 'up' : 'down',
      brokerReachable: health.brokerReachable,
      consumer: health.consumer,
      outbox: health.outbox,
    };
  }
}
