import { describeServiceBasics } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';

describeServiceBasics(caseloadService, AppModule.forRoot);
