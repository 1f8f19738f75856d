import { Module } from '@nestjs/common';
import { KnownCitizens1763900000300 } from './1763900000300-known-citizens';
import { CitizensHandler } from './citizens.handler';
import { KnownCitizen } from './known-citizen.entity';

/** The citizens the companies service knows, from caseload's citizens topic. Commands ask through ./known-citizens. */
@Module({ controllers: [CitizensHandler] })
export class CitizensModule {}

export const citizensEntities = [KnownCitizen];
export const citizensMigrations = [KnownCitizens1763900000300];
export { KnownCitizen };
export { assertCitizensKnown, lockActiveCitizen, lockKnownCitizen } from './known-citizens';
