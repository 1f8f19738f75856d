import { runService } from '@fremskudt/service-kit';
import { AppModule, reportingService } from './app.module';

void runService(reportingService, AppModule.forRoot);
