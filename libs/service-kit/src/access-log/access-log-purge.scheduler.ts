import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RepeatingTask } from '../scheduling/repeating-task';
import { AccessLogService } from './access-log.service';

const MINUTE_MS = 60_000;
export const ACCESS_LOG_PURGE_FIRST_RUN_AFTER_MS = 10 * MINUTE_MS;
export const ACCESS_LOG_PURGE_EVERY_MS = 24 * 60 * MINUTE_MS;

/**
 * Purges the access log once a day in the running service: every tenant's rows past the
 * retention period (ACCESS_LOG_RETENTION_DAYS). Replicas may run it at the same time: a second
 * run finds nothing left to delete.
 */
@Injectable()
export class AccessLogPurgeScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AccessLogPurgeScheduler.name);
  private readonly schedule = new RepeatingTask(() => this.run(), {
    firstRunAfterMs: ACCESS_LOG_PURGE_FIRST_RUN_AFTER_MS,
    everyMs: ACCESS_LOG_PURGE_EVERY_MS,
    onError: (error) => this.logger.error({ err: error }, 'access log purge failed'),
  });

  constructor(@Inject(AccessLogService) private readonly accessLog: AccessLogService) {}

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  async run(): Promise<void> {
    const purged = await this.accessLog.purgeAllTenants();
    this.logger.log({ purged }, 'access log purged');
  }
}
