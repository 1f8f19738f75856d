import { exitOnBadAccessLogRetention, runService } from '@fremskudt/service-kit';
import { AppModule, companiesService } from './app.module';

exitOnBadAccessLogRetention(companiesService.name);
void runService(companiesService, AppModule.forRoot);
