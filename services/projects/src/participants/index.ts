import { Module } from '@nestjs/common';
import { PartnerAccessModule } from '../partner-access';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { Participants1763900000200 } from './1763900000200-participants';
import { Progress1763900000300 } from './1763900000300-progress';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';
import { CaseloadCitizen, Enrolment, EnrolmentPhase, MilestoneRecord } from './participant.entities';
import { ProgressService } from './progress.service';
import { CitizensReadModelHandler } from './read-models.handler';

type EntityClass = (new () => object) | EntitySchema;

/**
 * Participants: the read model of caseload's citizens, enrolment against a project's eligibility
 * and capacity, and each participant's way through the project.
 */
@Module({
  imports: [PartnerAccessModule],
  controllers: [EnrolmentsController, CitizensReadModelHandler],
  providers: [EnrolmentsService, ProgressService],
})
export class ParticipantsModule {}

export const participantsEntities: EntityClass[] = [CaseloadCitizen, Enrolment, EnrolmentPhase, MilestoneRecord];
export const participantsMigrations: Array<new () => MigrationInterface> = [Participants1763900000200, Progress1763900000300];
