import { describeServiceBasics } from '@fremskudt/testing';
import { AppModule, counsellingService } from '../src/app.module';

describeServiceBasics(counsellingService, AppModule.forRoot);
