import { describeServiceBasics } from '@fremskudt/testing';
import { AppModule, reportingService } from '../src/app.module';

describeServiceBasics(reportingService, AppModule.forRoot);
