export { DataScopeModule } from './data-scope.module';
export { DataScopeService } from './data-scope.service';
export { OwnedByCitizen, ScopedToStaff } from './data-scope.decorators';
export { citizenScopeCondition, named, positional } from './scope-sql';
