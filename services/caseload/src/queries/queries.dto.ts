import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../case/validation';
import { TASK_KINDS, TASK_OUTCOMES, TASK_STATUSES, TaskKind } from '../interviews/tasks/consultant-task.entity';

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CODE_MESSAGE = 'must be a code (lower-case letters, digits, dashes)';
const DATE_DESCRIPTION = 'Datoen der spørges om, ÅÅÅÅ-MM-DD (standard: i dag i København)';

// ---- Query parameters ----

export class CaseloadOverviewQuery {
  @ApiPropertyOptional({ format: 'date', description: DATE_DESCRIPTION })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class InterviewsDueQuery {
  @ApiPropertyOptional({ format: 'date', description: `${DATE_DESCRIPTION}; listen gælder ISO-ugen med denne dato` })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Kun borgere denne jobkonsulent har sagsansvar for' })
  @IsOptional()
  @IsUUID()
  consultantId?: string;

  @ApiPropertyOptional({ example: 'team-nord', description: 'Kun borgere hvis sagsansvarlige konsulent er i dette team' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  teamCode?: string;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Kun borgere i dette boligområde' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  areaCode?: string;
}

export const TASK_STATUS_FILTERS = [...TASK_STATUSES, 'all'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

export class StaffTasksQuery {
  @ApiPropertyOptional({ enum: TASK_STATUS_FILTERS, default: 'open', description: 'Åbne, udførte eller alle opgaver' })
  @IsOptional()
  @IsIn(TASK_STATUS_FILTERS)
  status?: TaskStatusFilter;

  @ApiPropertyOptional({ format: 'date', description: `${DATE_DESCRIPTION}; en åben opgave med frist før datoen er overskredet` })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class TasksOverviewQuery {
  @ApiProperty({ example: 'team-nord', description: 'Teamet (kode)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  teamCode: string;

  @ApiPropertyOptional({ format: 'date', description: `${DATE_DESCRIPTION}; en åben opgave med frist før datoen er overskredet` })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

// ---- Answers ----

export class CaseloadOverviewCitizenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Boligområde (kode)' }) areaCode: string;
  @ApiProperty({ format: 'date', description: 'Konsulenten har haft sagsansvaret siden' }) since: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Seneste afholdte samtale i det nuværende forløb' }) lastHeldOn: string | null;
  @ApiProperty({ format: 'date', description: 'Næste samtale skal holdes senest' }) nextDueDate: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Tidspunktet for den tidligste åbne indkaldelse' })
  nextScheduledAt: string | null;
  @ApiProperty({ description: 'Fristen er overskredet: næste frist ligger før datoen' }) overdue: boolean;
  @ApiProperty({ description: 'Fristen ligger i datoens ISO-uge (mandag-søndag); kan være sand samtidig med overdue' }) dueThisWeek: boolean;
  @ApiProperty({ type: 'integer', description: 'Antal åbne opgaver om borgeren' }) openTasks: number;
  @ApiProperty({ description: 'Borgeren har en jobplan i det nuværende forløb, lavet senest på datoen' }) hasCurrentJobPlan: boolean;
}

export class CaseloadOverviewView {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ format: 'date', description: 'Datoen overblikket gælder' }) date: string;
  @ApiProperty({ type: 'integer', description: 'Antal aktive borgere konsulenten har sagsansvar for nu' }) count: number;
  @ApiProperty({ type: 'integer', description: 'Sagsstammens kapacitet' }) capacity: number;
  @ApiProperty({ type: 'integer', description: 'Antal borgere med overskredet samtalefrist' }) overdueCount: number;
  @ApiProperty({ type: [CaseloadOverviewCitizenView], description: 'Overskredne først, derefter efter næste frist' })
  citizens: CaseloadOverviewCitizenView[];
}

export class DueInterviewView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty() name: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Den sagsansvarlige jobkonsulent; null hvis ingen' }) consultantId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Den sagsansvarlige konsulents team' }) teamCode: string | null;
  @ApiProperty({ format: 'date', description: 'Næste samtale skal holdes senest' }) nextDueDate: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Tidspunktet for den tidligste åbne indkaldelse' })
  nextScheduledAt: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Seneste afholdte samtale i det nuværende forløb' }) lastHeldOn: string | null;
}

export class InterviewsDueView {
  @ApiProperty({ example: '2026-W48', description: 'ISO-ugen' }) week: string;
  @ApiProperty({ format: 'date', description: 'Ugens mandag' }) from: string;
  @ApiProperty({ format: 'date', description: 'Ugens søndag' }) to: string;
  @ApiProperty({ type: [DueInterviewView], description: 'Aktive borgere hvis næste samtale har frist i ugen, tidligste frist først' })
  due: DueInterviewView[];
  @ApiProperty({ type: [DueInterviewView], description: 'Aktive borgere hvis frist lå før ugens mandag, tidligste frist først' })
  overdue: DueInterviewView[];
}

export class ConsultantTaskItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty() citizenName: string;
  @ApiProperty({ description: 'Borgerens boligområde (kode)' }) areaCode: string;
  @ApiProperty({ enum: TASK_KINDS, description: 'Opfølgning på udeblivelse, varsling eller partshøring efter timereglen' }) kind: string;
  @ApiProperty({ format: 'date', description: 'Frist' }) dueDate: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty({ description: 'Åben og fristen ligger før datoen' }) overdue: boolean;
  @ApiProperty({ format: 'date' }) createdOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completedOn: string | null;
  @ApiProperty({ enum: TASK_OUTCOMES, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Samtalen (udeblivelsen) opgaven stammer fra' }) interviewId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Varslingen/partshøringen opgaven stammer fra' }) noticeId: string | null;
}

export class StaffTasksView {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ enum: TASK_STATUS_FILTERS }) status: string;
  @ApiProperty({ format: 'date', description: 'Datoen overskridelser regnes ud fra' }) date: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: 'integer', description: 'Antal overskredne opgaver' }) overdueCount: number;
  @ApiProperty({ type: [ConsultantTaskItemView], description: 'Opgaver om borgere konsulenten har sagsansvar for nu, tidligste frist først' })
  tasks: ConsultantTaskItemView[];
}

export type TaskKindCounts = Record<TaskKind, number>;

export class TaskKindCountsView implements TaskKindCounts {
  @ApiProperty({ type: 'integer', description: 'Opfølgninger på udeblivelser' }) 'no-show-follow-up': number;
  @ApiProperty({ type: 'integer', description: 'Varslinger efter timereglen' }) 'hours-rule-warning': number;
  @ApiProperty({ type: 'integer', description: 'Partshøringer efter timereglen' }) 'hours-rule-hearing': number;
}

export class TaskCountsView {
  @ApiProperty({ type: 'integer', description: 'Åbne opgaver' }) openTasks: number;
  @ApiProperty({ type: 'integer', description: 'Åbne opgaver med frist før datoen' }) overdue: number;
  @ApiProperty({ type: TaskKindCountsView, description: 'Åbne opgaver efter slags' }) byKind: TaskKindCountsView;
}

export class ConsultantTaskCountsView extends TaskCountsView {
  @ApiProperty({ format: 'uuid' }) consultantId: string;
  @ApiProperty() name: string;
}

export class TasksOverviewView {
  @ApiProperty() teamCode: string;
  @ApiProperty({ format: 'date', description: 'Datoen overskridelser regnes ud fra' }) date: string;
  @ApiProperty({ type: [ConsultantTaskCountsView], description: 'Teamets jobkonsulenter (og andre der har sagsansvar nu), efter navn' })
  consultants: ConsultantTaskCountsView[];
  @ApiProperty({ type: TaskCountsView, description: 'Hele teamet' }) total: TaskCountsView;
}
