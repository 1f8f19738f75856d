import { runService } from '@fremskudt/service-kit';
import { AppModule, companiesService } from './app.module';

void runService(companiesService, AppModule.forRoot);
