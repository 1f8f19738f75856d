import { Global, Module } from '@nestjs/common';
import { TenantSettingsModule } from '../settings/tenant-settings';
import { CaseEvents } from './case-events';

/** What every caseload module shares: publishing case events (with the timeline) and tenant settings. */
@Global()
@Module({ imports: [TenantSettingsModule], providers: [CaseEvents], exports: [CaseEvents, TenantSettingsModule] })
export class CaseModule {}
