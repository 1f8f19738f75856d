import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { HoursRule1763900000410 } from './hours-rule/1763900000410-hours-rule';
import { HoursRuleController } from './hours-rule/hours-rule.controller';
import { HoursRuleNoticeRow, HoursRuleRisk } from './hours-rule/hours-rule.entities';
import { HoursRuleNoticesJob } from './hours-rule/hours-rule-notices.job';
import { HoursRuleRiskService } from './hours-rule/hours-rule-risk.service';
import { HoursRuleScheduler } from './hours-rule/hours-rule.scheduler';
import { ProgressionAssessments1763900000430 } from './progression/1763900000430-progression';
import { ProgressionAssessment } from './progression/progression-assessment.entity';
import { ProgressionController } from './progression/progression.controller';
import { ProgressionService } from './progression/progression.service';
import { Interviews1763900000400 } from './summons/1763900000400-interviews';
import { CitizenInterviewStatus } from './summons/citizen-interview-status.entity';
import { CounsellingInterviewHandler } from './summons/counselling-interview.handler';
import { Interview } from './summons/interview.entity';
import { InterviewsController } from './summons/interviews.controller';
import { InterviewsService } from './summons/interviews.service';
import { ConsultantTasks1763900000420 } from './tasks/1763900000420-tasks';
import { ConsultantTask } from './tasks/consultant-task.entity';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';

type EntityClass = (new () => object) | EntitySchema;

/**
 * Summonses and interviews (also those held in open counselling), the consultants' tasks,
 * progression assessments and hours-rule warnings with their daily job.
 *
 * For the read side: `citizen_interview_status` (one row per citizen with interview activity in
 * the current case period: last_held_on, next_due_date, next_scheduled_at, open_summonses) and
 * the view `citizen_interview_due` (every active citizen, falling back to the period's opening
 * date plus the tenant's interval) answer "next due interview" without replaying interviews.
 */
@Module({
  controllers: [InterviewsController, CounsellingInterviewHandler, TasksController, ProgressionController, HoursRuleController],
  providers: [InterviewsService, TasksService, ProgressionService, HoursRuleRiskService, HoursRuleNoticesJob, HoursRuleScheduler],
  exports: [InterviewsService, TasksService],
})
export class InterviewsModule {}

export const interviewsEntities: EntityClass[] = [Interview, CitizenInterviewStatus, ConsultantTask, ProgressionAssessment, HoursRuleRisk, HoursRuleNoticeRow];
export const interviewsMigrations: Array<new () => MigrationInterface> = [
  Interviews1763900000400,
  HoursRule1763900000410,
  ConsultantTasks1763900000420,
  ProgressionAssessments1763900000430,
];
