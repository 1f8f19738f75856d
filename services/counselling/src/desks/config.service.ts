import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { TEMPLATE_DESKS } from './area-templates';
import {
  ApplyAreaTemplateDto,
  AreaTemplateView,
  ChangePartnerDto,
  CreatePartnerDto,
  PartnerView,
  ReplaceTopicsDto,
  TemplateDeskView,
  TopicsView,
  TopicView,
} from './config.dto';
import { Desk } from './desk.entities';
import { openSessionIdOf, toDeskView, weeklyScheduleOf } from './desk-store';
import { writeWeeklySchedule } from './desks.service';
import { DEFAULT_TOPICS } from './lookups';
import { badInput } from './validation';

const PARTNER_COLUMNS = `id, area_code AS "areaCode", code, name, kind, active`;

/** Serialises one kind of configuration change per tenant (two setups, two topic lists). */
const lockTenantConfiguration = (manager: EntityManager, what: string) =>
  manager.query(`SELECT pg_advisory_xact_lock(hashtext('counselling.' || $1 || ':' || current_setting('app.tenant_id')))`, [what]);

/** The tenant's configuration: its starting desks (templates), its topic list and its local partners. */
@Injectable()
export class ConfigurationService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  /**
   * Creates the template's desks with their weekly schedules. A desk the tenant already has (same
   * area and name) is left as it is, hours included: applying a template twice adds nothing.
   */
  applyAreaTemplate(command: ApplyAreaTemplateDto): Promise<AreaTemplateView> {
    return this.unitOfWork.command(async (manager) => {
      await lockTenantConfiguration(manager, 'setup');
      const tenantId = TenantContext.currentTenant();
      const now = new Date();
      const desks: TemplateDeskView[] = [];
      for (const template of TEMPLATE_DESKS[command.template]) {
        let desk = await manager.findOneBy(Desk, { areaCode: template.areaCode, name: template.name });
        const created = desk === null;
        if (!desk) {
          desk = manager.create(Desk, { id: randomUUID(), tenantId, areaCode: template.areaCode, name: template.name, location: template.location, active: true });
          await manager.insert(Desk, desk);
          await writeWeeklySchedule(manager, desk.id, template.weekly, now);
        }
        desks.push({ ...toDeskView(desk, await openSessionIdOf(manager, desk.id)), created, weekly: await weeklyScheduleOf(manager, desk.id) });
      }
      return { template: command.template, created: desks.filter((desk) => desk.created).length, desks };
    });
  }

  topics(): Promise<TopicsView> {
    return this.unitOfWork.run((manager) => this.topicsView(manager));
  }

  /**
   * Replaces the tenant's topic list. A code left out is retired, not deleted: past visits carry
   * it, so its labels stay resolvable, but it is inactive and no longer listed.
   */
  replaceTopics(command: ReplaceTopicsDto): Promise<TopicsView> {
    const seen = new Map<string, number>();
    const duplicates = command.topics.flatMap((topic, index) => {
      const first = seen.get(topic.code);
      seen.set(topic.code, first ?? index);
      return first === undefined ? [] : [{ field: `topics.${index}.code`, code: 'unique', message: `repeats topics.${first}.code` }];
    });
    if (duplicates.length) throw badInput(...duplicates);
    return this.unitOfWork.command(async (manager) => {
      await lockTenantConfiguration(manager, 'topics');
      await manager.query(`UPDATE counselling_topic SET active = false, retired = true WHERE NOT (code = ANY($1))`, [command.topics.map((topic) => topic.code)]);
      for (const [position, topic] of command.topics.entries()) {
        await manager.query(
          `INSERT INTO counselling_topic (tenant_id, code, label_da, label_en, active, position, retired)
           VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4, $5, false)
           ON CONFLICT (tenant_id, code) DO UPDATE
             SET label_da = EXCLUDED.label_da, label_en = EXCLUDED.label_en, active = EXCLUDED.active, position = EXCLUDED.position, retired = false`,
          [topic.code, topic.labelDa, topic.labelEn, topic.active, position],
        );
      }
      return this.topicsView(manager);
    });
  }

  createPartner(areaCode: string, command: CreatePartnerDto): Promise<PartnerView> {
    return this.unitOfWork.command(async (manager) => {
      const [inserted] = (await manager.query(
        `INSERT INTO local_partner (id, tenant_id, area_code, code, name, kind, active)
         VALUES ($1, current_setting('app.tenant_id'), $2, $3, $4, $5, true)
         ON CONFLICT (tenant_id, area_code, code) DO NOTHING
         RETURNING ${PARTNER_COLUMNS}`,
        [randomUUID(), areaCode, command.code, command.name, command.kind],
      )) as PartnerView[];
      if (!inserted) throw new ConflictProblem('partner-exists', `Area ${areaCode} already has a partner with code ${command.code}`);
      return inserted;
    });
  }

  partners(areaCode: string): Promise<PartnerView[]> {
    return this.unitOfWork.run(
      async (manager) =>
        (await manager.query(`SELECT ${PARTNER_COLUMNS} FROM local_partner WHERE area_code = $1 ORDER BY name COLLATE "da-DK-x-icu", code`, [areaCode])) as PartnerView[],
    );
  }

  changePartner(id: string, command: ChangePartnerDto): Promise<PartnerView> {
    return this.unitOfWork.command(async (manager) => {
      const [partner] = (await manager.query(`SELECT ${PARTNER_COLUMNS} FROM local_partner WHERE id = $1 FOR UPDATE`, [id])) as PartnerView[];
      if (!partner) throw new NotFoundProblem(`Partner ${id} not found`);
      const next = { name: command.name ?? partner.name, active: command.active ?? partner.active };
      await manager.query(`UPDATE local_partner SET name = $2, active = $3 WHERE id = $1`, [id, next.name, next.active]);
      return { ...partner, ...next };
    });
  }

  private async topicsView(manager: EntityManager): Promise<TopicsView> {
    const rows = (await manager.query(
      `SELECT code, label_da AS "labelDa", label_en AS "labelEn", active FROM counselling_topic WHERE NOT retired ORDER BY position, code`,
    )) as TopicView[];
    const [{ any }] = (await manager.query(`SELECT count(*) > 0 AS any FROM counselling_topic`)) as Array<{ any: boolean }>;
    if (any) return { source: 'tenant', topics: rows };
    return { source: 'defaults', topics: DEFAULT_TOPICS.map((topic) => ({ code: topic.code, labelDa: topic.da, labelEn: topic.en, active: true })) };
  }
}
