import { describeServiceBasics } from '@fremskudt/testing';
import { AppModule, projectsService } from '../src/app.module';

describeServiceBasics(projectsService, AppModule.forRoot);
