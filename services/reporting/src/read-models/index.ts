import { Module } from '@nestjs/common';
import { ReadModelsHandler } from './read-models.handler';
import { RebuildController } from './rebuild.controller';
import { ReadModelRebuilds } from './rebuild.service';
import { RebuildState } from './rebuild-state';

/** The goal engine's read models: projections of every consumed topic, and their full rebuild. */
@Module({
  controllers: [ReadModelsHandler, RebuildController],
  providers: [RebuildState, ReadModelRebuilds],
  exports: [RebuildState],
})
export class ReadModelsModule {}

export { READ_MODEL_STREAMS } from './projections';
