import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantContext } from '@fremskudt/persistence';
import { copenhagenToday } from '../../case/calendar';
import { HoursRuleNoticesJob } from './hours-rule-notices.job';
import { RepeatingTask } from '../../scheduling/repeating-task';

const MINUTE_MS = 60_000;
/** The job runs once a day; the first run comes soon after start, so a restart never skips a day. */
export const HOURS_RULE_JOB_FIRST_RUN_AFTER_MS = 5 * MINUTE_MS;
export const HOURS_RULE_JOB_EVERY_MS = 24 * 60 * MINUTE_MS;

/**
 * Runs the hours-rule job once a day in the running service, for every tenant with a citizen at
 * risk. Outside a request there is no tenant, and the app role sees no tenant-isolated rows
 * without one, so the tenants come from `hours_rule_tenant` (no row-level security, tenant ids
 * only), then the job runs per tenant in its context. Several replicas may run it at once: the
 * job is safe to run concurrently.
 */
@Injectable()
export class HoursRuleScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HoursRuleScheduler.name);
  private readonly schedule = new RepeatingTask(() => this.runForAllTenants(), {
    firstRunAfterMs: HOURS_RULE_JOB_FIRST_RUN_AFTER_MS,
    everyMs: HOURS_RULE_JOB_EVERY_MS,
    onError: (error) => this.logger.error({ err: error }, 'hours-rule job failed'),
  });

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(HoursRuleNoticesJob) private readonly job: HoursRuleNoticesJob,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  async runForAllTenants(today = copenhagenToday()): Promise<void> {
    const tenants: Array<{ tenant_id: string }> = await this.dataSource.query(`SELECT tenant_id FROM hours_rule_tenant ORDER BY tenant_id`);
    for (const { tenant_id: tenant } of tenants) {
      try {
        const result = await TenantContext.run(tenant, () => this.job.run(today));
        this.logger.log({ tenant, ...result, skippedLate: result.skippedLate.length }, 'hours-rule notices issued');
      } catch (error) {
        this.logger.error({ err: error, tenant }, 'hours-rule job failed for a tenant');
      }
    }
  }
}
