import { runService } from '@fremskudt/service-kit';
import { AppModule, projectsService } from './app.module';

void runService(projectsService, AppModule.forRoot);
