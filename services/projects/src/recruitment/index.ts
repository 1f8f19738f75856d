import { Module } from '@nestjs/common';
import { PartnerAccessModule } from '../partner-access';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { Recruitment1763900000400 } from './1763900000400-recruitment';
import { RecruitmentController } from './recruitment.controller';
import { Application, CompanyVisit, InformationMeeting } from './recruitment.entities';
import { RecruitmentService } from './recruitment.service';

type EntityClass = (new () => object) | EntitySchema;

/** Recruitment: information meetings in the areas, company visits and bus tours, applications and selection. */
@Module({ imports: [PartnerAccessModule], controllers: [RecruitmentController], providers: [RecruitmentService] })
export class RecruitmentModule {}

export const recruitmentEntities: EntityClass[] = [InformationMeeting, CompanyVisit, Application];
export const recruitmentMigrations: Array<new () => MigrationInterface> = [Recruitment1763900000400];
