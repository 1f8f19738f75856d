import { exitOnBadAccessLogRetention, runService } from '@fremskudt/service-kit';
import { AppModule, counsellingService } from './app.module';

exitOnBadAccessLogRetention(counsellingService.name);
void runService(counsellingService, AppModule.forRoot);
