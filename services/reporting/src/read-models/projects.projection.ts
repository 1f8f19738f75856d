import {
  EXAM_RESULTS,
  InformationMeetingHeld,
  LEAVE_REASONS,
  MILESTONE_KINDS,
  MilestoneReached,
  ParticipantEnrolled,
  ParticipantLeft,
  ParticipantReplaced,
  PHASE_COMPLETIONS,
  PhaseCompleted,
  PhaseStarted,
  ProjectChanged,
  ProjectCreated,
  ProjectGoalsDefined,
} from '@fremskudt/contracts';
import { BOOLEAN, CODE, FactKind, oneOf } from './fact-catalog';
import { projection, StreamProjections } from './projection';

/** A participant's enrolment in a project (subject: the enrolment): the start of a project cohort. */
export const PARTICIPANT_ENROLLED = 'project-participant-enrolled';
/** A participant left the project (subject: the enrolment): membership ends that day. */
export const PARTICIPANT_LEFT = 'project-participant-left';

const projectId = CODE;
const participantFact = (kind: string, da: string, en: string, attributes: FactKind['attributes']): FactKind => ({
  kind,
  label: { da, en },
  subject: 'citizen',
  attributes: { projectId, ...attributes },
});

/**
 * The projects topic: who takes part in which project when (enrolments, leaving, replacement),
 * their phases and milestones, and the information meetings in the areas, as facts that goal
 * definitions count and filter by project (`projectId`), phase, milestone and reason. Every
 * participant fact is about the citizen and keyed by the enrolment, so a project scope can ask
 * "a participant of the project on that day" (see GoalSql). A project's definition (code, period)
 * and its own goals are kept as dated versions in `project_definition_history`: reporting turns
 * the latest goals into the project's goal definitions (see goals/project-goals.ts).
 */
export const PROJECT_PROJECTIONS: StreamProjections = {
  facts: [
    {
      kind: 'project-information-meeting-held',
      label: { da: 'Informationsmøde om projekt', en: 'Project information meeting' },
      subject: 'area',
      attributes: { projectId },
    },
    participantFact(PARTICIPANT_ENROLLED, 'Deltager tilmeldt projekt', 'Participant enrolled in a project', { replacement: BOOLEAN }),
    participantFact('project-phase-started', 'Projektfase påbegyndt', 'Project phase started', { phaseCode: CODE }),
    participantFact('project-phase-completed', 'Projektfase gennemført', 'Project phase completed', { phaseCode: CODE, completedBy: oneOf(PHASE_COMPLETIONS) }),
    participantFact('project-milestone-reached', 'Projektmilepæl nået', 'Project milestone reached', {
      milestoneCode: CODE,
      milestoneKind: oneOf(MILESTONE_KINDS),
      result: oneOf(EXAM_RESULTS),
      phaseCode: CODE,
    }),
    participantFact(PARTICIPANT_LEFT, 'Deltager udtrådt af projekt', 'Participant left a project', { reason: oneOf(LEAVE_REASONS), phaseCode: CODE }),
    // About the participant who left: "replaced" is what happened to her place.
    participantFact('project-participant-replaced', 'Udtrådt deltager erstattet', 'Participant who left was replaced', {}),
  ],
  projections: [
    projection(ProjectCreated, (event, write) =>
      write.projectDefinition({
        projectId: event.projectId,
        projectCode: event.projectCode,
        aspect: 'definition',
        effectiveAt: event.createdAt,
        templateCode: event.templateCode,
        variantCode: event.variantCode,
        startDate: event.startDate,
        endDate: event.endDate,
        areaCodes: event.areaCodes,
      }),
    ),
    projection(ProjectChanged, (event, write) =>
      write.projectDefinition({
        projectId: event.projectId,
        projectCode: event.projectCode,
        aspect: 'definition',
        effectiveAt: event.changedAt,
        templateCode: event.templateCode,
        variantCode: event.variantCode,
        startDate: event.startDate,
        endDate: event.endDate,
        areaCodes: event.areaCodes,
      }),
    ),
    projection(ProjectGoalsDefined, (event, write) =>
      write.projectDefinition({ projectId: event.projectId, projectCode: event.projectCode, aspect: 'goals', effectiveAt: event.definedAt, goals: event.goals }),
    ),
    projection(InformationMeetingHeld, (event, write) =>
      write.fact({
        kind: 'project-information-meeting-held',
        occurredOn: event.heldOn,
        areaCode: event.areaCode,
        subjectId: event.meetingId,
        attributes: { projectId: event.projectId, attendees: event.attendees, interested: event.interested },
      }),
    ),
    projection(ParticipantEnrolled, (event, write) =>
      write.fact({
        kind: PARTICIPANT_ENROLLED,
        occurredOn: event.enrolledOn,
        citizenId: event.citizenId,
        subjectId: event.enrolmentId,
        attributes: { projectId: event.projectId, areaCode: event.areaCode, replacement: event.replacesEnrolmentId !== null, replacesEnrolmentId: event.replacesEnrolmentId },
      }),
    ),
    projection(PhaseStarted, (event, write) =>
      write.fact({
        kind: 'project-phase-started',
        occurredOn: event.startedOn,
        citizenId: event.citizenId,
        subjectId: event.enrolmentId,
        attributes: { projectId: event.projectId, phaseCode: event.phaseCode, position: event.position },
      }),
    ),
    projection(PhaseCompleted, (event, write) =>
      write.fact({
        kind: 'project-phase-completed',
        occurredOn: event.completedOn,
        citizenId: event.citizenId,
        subjectId: event.enrolmentId,
        attributes: { projectId: event.projectId, phaseCode: event.phaseCode, position: event.position, completedBy: event.completedBy },
      }),
    ),
    projection(MilestoneReached, (event, write) =>
      write.fact({
        kind: 'project-milestone-reached',
        occurredOn: event.reachedOn,
        citizenId: event.citizenId,
        subjectId: event.enrolmentId,
        attributes: {
          projectId: event.projectId,
          milestoneCode: event.milestoneCode,
          milestoneKind: event.milestoneKind,
          result: event.result,
          phaseCode: event.phaseCode,
          placementId: event.placementId,
        },
      }),
    ),
    projection(ParticipantLeft, (event, write) =>
      write.fact({
        kind: PARTICIPANT_LEFT,
        occurredOn: event.leftOn,
        citizenId: event.citizenId,
        subjectId: event.enrolmentId,
        attributes: { projectId: event.projectId, reason: event.reason, phaseCode: event.phaseCode, placementId: event.placementId },
      }),
    ),
    projection(ParticipantReplaced, (event, write) =>
      write.fact({
        kind: 'project-participant-replaced',
        occurredOn: event.replacedOn,
        citizenId: event.leftCitizenId,
        subjectId: event.leftEnrolmentId,
        attributes: { projectId: event.projectId, replacementEnrolmentId: event.replacementEnrolmentId, replacementCitizenId: event.replacementCitizenId },
      }),
    ),
  ],
};
