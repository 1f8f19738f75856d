import { Controller, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, NotFoundProblem, Role } from '@fremskudt/service-kit';
import { ReadModelRebuilds } from './rebuild.service';
import { Rebuild } from './rebuild-state';

export class RebuildView implements Rebuild {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() tenant: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: Rebuild['status'];
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: 'integer', description: 'Kommunens hændelser lagt i de nye læsemodeller' }) eventsApplied: number;
  @ApiProperty({ type: 'integer', description: 'Beskeder læst fra emnerne (alle kommuners)' }) messagesRead: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

@ApiTags('read-models')
@Controller('read-models/rebuilds')
export class RebuildController {
  constructor(@Inject(ReadModelRebuilds) private readonly rebuilds: ReadModelRebuilds) {}

  @Allow(Role.TenantAdmin)
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @IdempotentCommand()
  @ApiAcceptedResponse({
    type: RebuildView,
    description: 'Kommunens læsemodeller er tømt, og alle emner genafspilles fra begyndelsen; følg den med GET. Imens kan tallene være ufuldstændige.',
  })
  @ApiBadRequestResponse({ description: 'Ugyldig forespørgsel' })
  @ApiConflictResponse({ description: 'rebuild-running: en genopbygning kører allerede' })
  async start(): Promise<RebuildView> {
    return { ...(await this.rebuilds.start()) };
  }

  @Allow(Role.TenantAdmin)
  @Get(':rebuildId')
  @ApiOkResponse({ type: RebuildView })
  @ApiNotFoundResponse({ description: 'Ukendt genopbygning (eller en anden kommunes, eller fra før servicen sidst startede)' })
  get(@Param('rebuildId', new ParseUUIDPipe({ version: '4' })) rebuildId: string): RebuildView {
    const found = this.rebuilds.get(rebuildId);
    if (!found) throw new NotFoundProblem(`Rebuild ${rebuildId} not found`);
    return { ...found };
  }
}
