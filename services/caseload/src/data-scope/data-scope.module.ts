import { Global, Module } from '@nestjs/common';
import { DATA_SCOPE_CHECK } from '@fremskudt/service-kit';
import { DataScopeService } from './data-scope.service';

/** The users' data scope below their roles: checked by the RolesGuard, read by the listings. */
@Global()
@Module({
  providers: [DataScopeService, { provide: DATA_SCOPE_CHECK, useExisting: DataScopeService }],
  exports: [DataScopeService, DATA_SCOPE_CHECK],
})
export class DataScopeModule {}
