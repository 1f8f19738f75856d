import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ContactLogged } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { assertCitizensKnown } from '../citizens';
import { assertOpeningsKnown } from '../openings';
import { assertNotBefore, badInput, distinct } from '../shared/validation';
import { CompanyContact } from './company.entities';
import { ContactView, LogContactDto } from './contact.dto';
import { findCompany } from './companies.service';

export const toContactView = (contact: CompanyContact): ContactView => ({
  id: contact.id,
  companyId: contact.companyId,
  kind: contact.kind,
  eventKind: contact.eventKind,
  occurredOn: contact.occurredOn,
  staffId: contact.staffId,
  citizenIds: contact.citizenIds,
  openingIds: contact.openingIds,
  outcome: contact.outcome,
  notes: contact.notes,
  nextStep: contact.nextStep,
  nextStepOn: contact.nextStepOn,
  loggedAt: contact.loggedAt.toISOString(),
});

/** An event contact says which kind of event; other contacts have none. 400 naming eventKind. */
function assertEventKind(command: LogContactDto): void {
  if (command.kind === 'event' && command.eventKind === undefined) {
    throw badInput({ field: 'eventKind', code: 'requiredForEvent', message: 'is required for a contact of kind event' });
  }
  if (command.kind !== 'event' && command.eventKind !== undefined) {
    throw badInput({ field: 'eventKind', code: 'onlyForEvent', message: 'is only for a contact of kind event' });
  }
}

@Injectable()
export class ContactsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  /** Logs a contact with a company and publishes ContactLogged (codes and ids; notes and next step stay here). */
  log(companyId: string, command: LogContactDto): Promise<ContactView> {
    assertEventKind(command);
    assertNotBefore(command.nextStepOn, command.occurredOn, 'nextStepOn', 'occurredOn');
    return this.unitOfWork.command(async (manager) => {
      await findCompany(manager, companyId);
      const citizenIds = distinct(command.citizenIds ?? []);
      const openingIds = distinct(command.openingIds ?? []);
      // The citizens and openings it was about must be this tenant's, or nothing is written (409).
      await assertCitizensKnown(manager, citizenIds);
      await assertOpeningsKnown(manager, openingIds);
      const contact = manager.create(CompanyContact, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        companyId,
        kind: command.kind,
        eventKind: command.eventKind ?? null,
        occurredOn: command.occurredOn,
        staffId: command.staffId,
        citizenIds,
        openingIds,
        outcome: command.outcome,
        notes: command.notes ?? null,
        nextStep: command.nextStep ?? null,
        nextStepOn: command.nextStepOn ?? null,
        loggedAt: new Date(),
      });
      await manager.insert(CompanyContact, contact);
      await this.outbox.publish(manager, ContactLogged, {
        contactId: contact.id,
        companyId,
        kind: contact.kind,
        eventKind: contact.eventKind,
        occurredOn: contact.occurredOn,
        staffId: contact.staffId,
        citizenIds,
        openingIds,
        outcome: contact.outcome,
        nextStepOn: contact.nextStepOn,
        loggedAt: contact.loggedAt.toISOString(),
      });
      return toContactView(contact);
    });
  }

  /** The company's contacts, newest first. */
  list(companyId: string): Promise<ContactView[]> {
    return this.unitOfWork.run(async (manager) => {
      await findCompany(manager, companyId);
      const contacts = await manager.find(CompanyContact, { where: { companyId }, order: { occurredOn: 'DESC', loggedAt: 'DESC', id: 'ASC' } });
      return contacts.map(toContactView);
    });
  }
}
