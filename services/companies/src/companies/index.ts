import { Module } from '@nestjs/common';
import { Companies1763900000200 } from './1763900000200-companies';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { Company, CompanyContact } from './company.entities';
import { ContactsService } from './contacts.service';

/** Companies (CVR, branch, area, agreements, contact persons, status, consultant) and the contacts with them. */
@Module({ controllers: [CompaniesController], providers: [CompaniesService, ContactsService] })
export class CompaniesModule {}

export const companiesEntities = [Company, CompanyContact];
export const companiesMigrations = [Companies1763900000200];
