import { Body, Controller, Delete, DynamicModule, HttpCode, Inject, Module, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { MessagingTables1763900000000 } from '@fremskudt/messaging';
import { enableTenantIsolation, UnitOfWork } from '@fremskudt/persistence';
import { fuzzCommands, startTestService, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { Allow } from '../auth/permissions';
import { RoleGroups } from '../auth/roles';
import { PlatformConfig } from '../config/platform-config';
import { PlatformModule } from '../platform.module';
import { ServiceDefinition } from '../service-definition';
import { ConflictProblem, NotFoundProblem } from './problem';

class Things1763900000600 implements MigrationInterface {
  name = 'Things1763900000600';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE thing (tenant_id text NOT NULL, id uuid PRIMARY KEY, name text NOT NULL)`);
    await enableTenantIsolation(queryRunner, 'thing');
  }
  async down(): Promise<void> {}
}

class NameBody {
  @ApiProperty({ example: 'Hammer' })
  @IsString()
  name: string;
}

class TagBody {
  @ApiPropertyOptional({ example: 'værktøj' })
  @IsOptional()
  @IsString()
  tag?: string;
}

/** Two correct commands, and two with the bugs the fuzzer is there to find. */
@Controller('things')
@Allow(...RoleGroups.staff)
class ThingsController {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  @Post()
  async create(@Body() body: NameBody): Promise<{ id: string }> {
    const id = randomUUID();
    await this.unitOfWork.run((manager) => manager.query(`INSERT INTO thing VALUES (current_setting('app.tenant_id'), $1, $2)`, [id, body.name]));
    return { id };
  }

  /** Bug: writes in its own transaction, then refuses. */
  @Post(':id/rename')
  @HttpCode(200)
  async rename(@Param('id', ParseUUIDPipe) id: string, @Body() body: NameBody): Promise<void> {
    const renamed: unknown[] = await this.unitOfWork.run((manager) => manager.query(`UPDATE thing SET name = $2 WHERE id = $1 RETURNING id`, [id, body.name]));
    if (!renamed.length) throw new NotFoundProblem('No such thing');
    throw new ConflictProblem('rename-refused', 'Names are final');
  }

  /** Bug: an optional field read as if it were required (a TypeError, so 500). */
  @Post(':id/tag')
  @HttpCode(200)
  tag(@Param('id', ParseUUIDPipe) _id: string, @Body() body: TagBody): { tag: string } {
    return { tag: body.tag!.toUpperCase() };
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const [, removed] = (await this.unitOfWork.run((manager) => manager.query(`DELETE FROM thing WHERE id = $1`, [id]))) as [unknown, number];
    if (!removed) throw new NotFoundProblem('No such thing');
  }
}

const thingsService: ServiceDefinition = {
  name: 'fuzz-probe',
  defaultPort: 0,
  title: 'fuzz probe',
  description: 'A service that exists only in this test',
  entities: [],
  migrations: [MessagingTables1763900000000, Things1763900000600],
  produces: [],
  consumes: [],
};

@Module({})
class ThingsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: ThingsModule, imports: [PlatformModule.forService(thingsService, config)], controllers: [ThingsController] };
  }
}

describe('command fuzzing (libs/testing) finds what it is there to find', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(thingsService, ThingsModule.forRoot, { topicPrefix: uniqueTopicPrefix('fuzz-probe') });
  });
  afterAll(() => service?.dispose());

  it('reports a 5xx and a write behind a refusal, each with its counterexample, and passes the correct commands', async () => {
    // A fixed seed: the bugs are found by the same requests on every run.
    const { failures, answers } = await fuzzCommands(service, { numRuns: 30, seed: 20_251_123 });
    const failed = (command: string) => failures.find((failure) => failure.startsWith(`${command}:`));

    expect(failed('POST /things/{id}/tag')).toMatch(/Counterexample: [\s\S]*answered 500: .*internal-error/);
    expect(failed('POST /things/{id}/rename')).toMatch(/refused with 409 rename-refused but wrote: thing: \d+ → \d+ rows or changed/);
    expect(failed('POST /things')).toBeUndefined();
    expect(failed('DELETE /things/{id}')).toBeUndefined();
    expect(failures).toHaveLength(2);
    expect(answers['POST /things'][201]).toBeGreaterThan(0);
    expect(answers['DELETE /things/{id}'][204]).toBeGreaterThan(0);
  });
});
