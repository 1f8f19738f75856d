import { Global, Module } from '@nestjs/common';
import { Reference1763900000100 } from './1763900000100-reference';
import { AreasController, BranchesController, SettingsController } from './reference.controller';
import { ReferenceDataService } from './reference-data.service';
import { AreaRow, BranchRow, CompaniesSettingsRow } from './reference.entities';

/** The tenant's reference data: branches, areas with their centres, placement settings. Every module asks ReferenceDataService. */
@Global()
@Module({
  controllers: [BranchesController, AreasController, SettingsController],
  providers: [ReferenceDataService],
  exports: [ReferenceDataService],
})
export class ReferenceModule {}

export const referenceEntities = [BranchRow, AreaRow, CompaniesSettingsRow];
export const referenceMigrations = [Reference1763900000100];
export { ReferenceDataService };
