import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../validation';
import { TASK_KINDS, TASK_OUTCOMES, TASK_STATUSES, TaskOutcome, TaskStatus } from './consultant-task.entity';

export class ListTasksQuery {
  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'Kun åbne eller kun udførte opgaver' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Kun opgaver om denne borger' })
  @IsOptional()
  @IsUUID('4')
  citizenId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Kun opgaver med frist før denne dato' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200, description: 'Højst så mange opgaver (tidligste frist først)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class CompleteTaskDto {
  @ApiPropertyOptional({ format: 'date', description: 'Dato opgaven blev udført (standard: i dag)' })
  @IsOptional()
  @IsCalendarDate()
  completedOn?: string;

  @ApiPropertyOptional({ enum: TASK_OUTCOMES, description: 'Hvordan opfølgningen gik: ringet op, besøgt, kontakt på anden vis, ikke truffet' })
  @IsOptional()
  @IsIn(TASK_OUTCOMES)
  outcome?: TaskOutcome;
}

export class TaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ enum: TASK_KINDS, description: 'Opfølgning på udeblivelse, varsling eller partshøring efter timereglen' }) kind: string;
  @ApiProperty({ format: 'date', description: 'Frist' }) dueDate: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Samtalen (udeblivelsen) opgaven stammer fra' }) interviewId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Varslingen/partshøringen opgaven stammer fra' }) noticeId: string | null;
  @ApiProperty({ format: 'date' }) createdOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completedOn: string | null;
  @ApiProperty({ enum: TASK_OUTCOMES, nullable: true }) outcome: string | null;
}

export const toTaskView = (task: {
  id: string;
  citizenId: string;
  kind: string;
  dueDate: string;
  status: string;
  interviewId: string | null;
  noticeId: string | null;
  createdOn: string;
  completedOn: string | null;
  outcome: string | null;
}): TaskView => ({
  id: task.id,
  citizenId: task.citizenId,
  kind: task.kind,
  dueDate: task.dueDate,
  status: task.status,
  interviewId: task.interviewId,
  noticeId: task.noticeId,
  createdOn: task.createdOn,
  completedOn: task.completedOn,
  outcome: task.outcome,
});
