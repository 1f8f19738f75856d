import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ProgressionAssessed } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenToday } from '../../case/calendar';
import { CaseEvents } from '../../case/case-events';
import { lockCitizen } from '../../case/citizen-lock';
import { Citizen } from '../../citizens/citizen.entity';
import { isGoodGroup, progressionGroup } from '../../rules';
import { assertNotAfterToday } from '../validation';
import { ProgressionAssessment } from './progression-assessment.entity';
import { AssessProgressionDto, ProgressionAssessmentView } from './progression.dto';

const toView = (assessment: ProgressionAssessment): ProgressionAssessmentView => ({
  id: assessment.id,
  citizenId: assessment.citizenId,
  periodId: assessment.periodId,
  assessedOn: assessment.assessedOn,
  scores: {
    professionalSkills: assessment.professionalSkills,
    jobOrEducationFocus: assessment.jobOrEducationFocus,
    personalAndSocialCompetences: assessment.personalAndSocialCompetences,
    socialConditions: assessment.socialConditions,
    health: assessment.health,
  },
  group: assessment.group,
  outlook: assessment.outlook,
  recordedAt: assessment.recordedAt.toISOString(),
});

@Injectable()
export class ProgressionService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
  ) {}

  /** Stores the scores with the group computed now, so a later change of the rule never rewrites history. */
  assess(citizenId: string, command: AssessProgressionDto): Promise<ProgressionAssessmentView> {
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId);
      assertNotAfterToday('assessedOn', command.assessedOn, copenhagenToday());
      const scores = { ...command.scores };
      const group = progressionGroup(scores);
      const assessment = manager.create(ProgressionAssessment, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        citizenId: citizen.id,
        periodId: citizen.currentPeriodId,
        assessedOn: command.assessedOn,
        ...scores,
        group,
        outlook: isGoodGroup(group) ? 'good' : 'poor',
        recordedAt: new Date(),
      });
      await manager.insert(ProgressionAssessment, assessment);
      const view = toView(assessment);
      await this.events.publish(
        manager,
        ProgressionAssessed,
        { citizenId: citizen.id, assessmentId: assessment.id, assessedOn: assessment.assessedOn, scores: view.scores, group, outlook: assessment.outlook },
        assessment.assessedOn,
      );
      return view;
    });
  }

  list(citizenId: string): Promise<ProgressionAssessmentView[]> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(Citizen, { id: citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const assessments = await manager.find(ProgressionAssessment, { where: { citizenId }, order: { assessedOn: 'ASC', recordedAt: 'ASC' } });
      return assessments.map(toView);
    });
  }
}
