import { Body, Controller, Get, Inject, Injectable, Module, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Column, Entity, EntityManager, PrimaryColumn } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { Allow, IdempotentCommand, Role, RoleGroups } from '@fremskudt/service-kit';

/** A tenant's rules for caseloads and interviews. Defaults are the brief's (Jobpatruljen). */
@Entity('tenant_settings')
export class TenantSettingsRow {
  @PrimaryColumn({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'caseload_capacity' })
  caseloadCapacity: number;

  @Column({ name: 'interview_interval_months' })
  interviewIntervalMonths: number;

  @Column({ name: 'no_show_follow_up_working_days' })
  noShowFollowUpWorkingDays: number;
}

export class TenantSettings {
  @ApiProperty({ example: 30, description: 'Antal borgere en jobkonsulents sagsstamme rummer' })
  @IsInt()
  @Min(1)
  @Max(500)
  caseloadCapacity: number;

  @ApiProperty({ example: 3, description: 'Måneder fra en afholdt samtale til den næste skal holdes' })
  @IsInt()
  @Min(1)
  @Max(12)
  interviewIntervalMonths: number;

  @ApiProperty({ example: 2, description: 'Arbejdsdage konsulenten har til at følge op på en udeblivelse' })
  @IsInt()
  @Min(0)
  @Max(30)
  noShowFollowUpWorkingDays: number;
}

export const DEFAULT_TENANT_SETTINGS: TenantSettings = { caseloadCapacity: 30, interviewIntervalMonths: 3, noShowFollowUpWorkingDays: 2 };

@Injectable()
export class TenantSettingsService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  /** The tenant's settings inside the caller's transaction (defaults until the tenant sets its own). */
  async current(manager: EntityManager): Promise<TenantSettings> {
    const row = await manager.findOneBy(TenantSettingsRow, { tenantId: TenantContext.currentTenant() });
    if (!row) return { ...DEFAULT_TENANT_SETTINGS };
    return { caseloadCapacity: row.caseloadCapacity, interviewIntervalMonths: row.interviewIntervalMonths, noShowFollowUpWorkingDays: row.noShowFollowUpWorkingDays };
  }

  get(): Promise<TenantSettings> {
    return this.unitOfWork.run((manager) => this.current(manager));
  }

  replace(settings: TenantSettings): Promise<TenantSettings> {
    return this.unitOfWork.command(async (manager) => {
      await manager.upsert(TenantSettingsRow, { tenantId: TenantContext.currentTenant(), ...settings }, ['tenantId']);
      return { ...settings };
    });
  }
}

@ApiTags('settings')
@Controller('settings')
export class TenantSettingsController {
  constructor(private readonly settings: TenantSettingsService) {}

  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: TenantSettings, description: 'Kommunens indstillinger (standardværdier indtil de sættes)' })
  get(): Promise<TenantSettings> {
    return this.settings.get();
  }

  @Allow(Role.TenantAdmin)
  @Put()
  @IdempotentCommand()
  @ApiOkResponse({ type: TenantSettings })
  @ApiBadRequestResponse({ description: 'Ugyldige værdier; hvert felt med fejl er navngivet' })
  replace(@Body() settings: TenantSettings): Promise<TenantSettings> {
    return this.settings.replace(settings);
  }
}

@Module({ providers: [TenantSettingsService], controllers: [TenantSettingsController], exports: [TenantSettingsService] })
export class TenantSettingsModule {}
