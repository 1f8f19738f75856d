import { runService } from '@fremskudt/service-kit';
import { AppModule, caseloadService } from './app.module';

void runService(caseloadService, AppModule.forRoot);
