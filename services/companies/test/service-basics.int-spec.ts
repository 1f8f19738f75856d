import { describeServiceBasics } from '@fremskudt/testing';
import { AppModule, companiesService } from '../src/app.module';

describeServiceBasics(companiesService, AppModule.forRoot);
