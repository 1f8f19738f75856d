import { runService } from '@fremskudt/service-kit';
import { AppModule, counsellingService } from './app.module';

void runService(counsellingService, AppModule.forRoot);
