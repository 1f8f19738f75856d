import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  PartnerParticipantEnrolled,
  PartnerParticipantLeft,
  PartnerParticipantMilestoneReached,
  PartnerParticipantPhaseCompleted,
  PartnerParticipantPhaseStarted,
  PayloadOf,
} from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { PartnerPseudonyms } from './partner-pseudonyms';

/** The participant an event is about: its project and (platform) citizen, which never leaves for a partner. */
export interface Participant {
  projectId: string;
  citizenId: string;
}

type PartnerEvent =
  | typeof PartnerParticipantEnrolled
  | typeof PartnerParticipantPhaseStarted
  | typeof PartnerParticipantPhaseCompleted
  | typeof PartnerParticipantMilestoneReached
  | typeof PartnerParticipantLeft;

type Addressing = 'partnerCode' | 'projectId' | 'participantId';

/**
 * The partners' topic (projects.partner-participants): for each change of a participant, one
 * event per partner of the project, the participant named by that partner's pseudonym. Written
 * to the outbox in the caller's transaction, next to the event on the projects stream, so both
 * commit with the change or not at all.
 */
@Injectable()
export class PartnerFeed {
  constructor(
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(PartnerPseudonyms) private readonly pseudonyms: PartnerPseudonyms,
  ) {}

  /** A citizen was enrolled; `replaces` is the participant who left and whom they replace, if any. */
  enrolled(manager: EntityManager, participant: Participant, details: { enrolledOn: string; replaces: Participant | null }): Promise<void> {
    const citizens = details.replaces ? [participant.citizenId, details.replaces.citizenId] : [participant.citizenId];
    return this.toEachPartner(manager, PartnerParticipantEnrolled, participant, citizens, (pseudonymOf) => ({
      enrolledOn: details.enrolledOn,
      replacesParticipantId: details.replaces ? pseudonymOf(details.replaces.citizenId) : null,
    }));
  }

  phaseStarted(manager: EntityManager, participant: Participant, details: Omit<PayloadOf<typeof PartnerParticipantPhaseStarted>, Addressing>): Promise<void> {
    return this.toEachPartner(manager, PartnerParticipantPhaseStarted, participant, [participant.citizenId], () => details);
  }

  phaseCompleted(manager: EntityManager, participant: Participant, details: Omit<PayloadOf<typeof PartnerParticipantPhaseCompleted>, Addressing>): Promise<void> {
    return this.toEachPartner(manager, PartnerParticipantPhaseCompleted, participant, [participant.citizenId], () => details);
  }

  milestoneReached(manager: EntityManager, participant: Participant, details: Omit<PayloadOf<typeof PartnerParticipantMilestoneReached>, Addressing>): Promise<void> {
    return this.toEachPartner(manager, PartnerParticipantMilestoneReached, participant, [participant.citizenId], () => details);
  }

  left(manager: EntityManager, participant: Participant, details: Omit<PayloadOf<typeof PartnerParticipantLeft>, Addressing>): Promise<void> {
    return this.toEachPartner(manager, PartnerParticipantLeft, participant, [participant.citizenId], () => details);
  }

  private async toEachPartner<C extends PartnerEvent>(
    manager: EntityManager,
    contract: C,
    participant: Participant,
    citizens: string[],
    details: (pseudonymOf: (citizenId: string) => string) => Omit<PayloadOf<C>, Addressing>,
  ): Promise<void> {
    const partners: Array<{ code: string }> = await manager.query(
      `SELECT p.code FROM project_partner pp JOIN partner p ON p.id = pp.partner_id WHERE pp.project_id = $1 ORDER BY p.code`,
      [participant.projectId],
    );
    for (const { code } of partners) {
      const pseudonyms = await this.pseudonyms.of(manager, code, citizens);
      const pseudonymOf = (citizenId: string) => pseudonyms.get(citizenId)!;
      const payload = { partnerCode: code, projectId: participant.projectId, participantId: pseudonymOf(participant.citizenId), ...details(pseudonymOf) };
      await this.outbox.publish(manager, contract, payload as PayloadOf<C>);
    }
  }
}
