import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { findProject } from '../projects/project-store';
import { MilestoneFiguresView, PhaseFiguresView, ProjectFiguresView, RecruitmentFiguresView } from './figures.dto';

/** Every recorded date is on or before this: "everything recorded" when no date is asked for. */
const ALL_RECORDED = '9999-12-31';

/**
 * A project's figures as the status notes report them, on a date: participants enrolled, active,
 * left (and why) and replaced; per phase started, in progress, completed, interrupted; per
 * milestone how many reached it (sat the exam) and passed; recruitment per area. Computed from the
 * rows in one read transaction, each fact counted when its date is on or before the date asked.
 */
@Injectable()
export class FiguresService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  figures(projectId: string, on?: string): Promise<ProjectFiguresView> {
    const asOf = on ?? ALL_RECORDED;
    return this.unitOfWork.run(async (manager) => {
      const project = await findProject(manager, projectId);
      const params = [projectId, asOf];
      const [participants]: Array<{ enrolled: number; active: number; left: number; replacements: number }> = await manager.query(
        `SELECT count(*)::int AS enrolled,
                count(*) FILTER (WHERE left_on IS NULL OR left_on > $2)::int AS active,
                count(*) FILTER (WHERE left_on <= $2)::int AS left,
                count(*) FILTER (WHERE replaces_enrolment_id IS NOT NULL)::int AS replacements
           FROM enrolment WHERE project_id = $1 AND enrolled_on <= $2`,
        params,
      );
      // A leaver counts as replaced once the replacement has started.
      const [{ replaced }]: Array<{ replaced: number }> = await manager.query(
        `SELECT count(*)::int AS replaced FROM enrolment WHERE project_id = $1 AND replaces_enrolment_id IS NOT NULL AND enrolled_on <= $2`,
        params,
      );
      const leftByReason: Array<{ reason: string; count: number }> = await manager.query(
        `SELECT leave_reason AS reason, count(*)::int AS count FROM enrolment
          WHERE project_id = $1 AND left_on <= $2 GROUP BY leave_reason ORDER BY leave_reason`,
        params,
      );
      const enrolledByArea: Array<{ areaCode: string; enrolled: number }> = await manager.query(
        `SELECT area_code AS "areaCode", count(*)::int AS enrolled FROM enrolment
          WHERE project_id = $1 AND enrolled_on <= $2 GROUP BY area_code ORDER BY area_code`,
        params,
      );
      return {
        projectId,
        code: project.code,
        name: project.name,
        on: on ?? null,
        participants: { ...participants, replaced, capacity: project.capacity },
        leftByReason,
        enrolledByArea,
        phases: await phaseFigures(manager, params),
        milestones: await milestoneFigures(manager, params),
        recruitment: await recruitmentFigures(manager, params),
      };
    });
  }
}

function phaseFigures(manager: EntityManager, params: string[]): Promise<PhaseFiguresView[]> {
  return manager.query(
    `SELECT p.code AS "phaseCode", p.name, p.position,
            count(ep.enrolment_id) FILTER (WHERE ep.started_on <= $2)::int AS started,
            count(ep.enrolment_id) FILTER (WHERE ep.started_on <= $2
                                              AND (ep.completed_on IS NULL OR ep.completed_on > $2)
                                              AND (ep.interrupted_on IS NULL OR ep.interrupted_on > $2))::int AS "inProgress",
            count(ep.enrolment_id) FILTER (WHERE ep.completed_on <= $2)::int AS completed,
            count(ep.enrolment_id) FILTER (WHERE ep.interrupted_on <= $2)::int AS interrupted
       FROM project_phase p
       LEFT JOIN enrolment_phase ep ON ep.project_id = p.project_id AND ep.phase_code = p.code
      WHERE p.project_id = $1
      GROUP BY p.code, p.name, p.position
      ORDER BY p.position`,
    params,
  );
}

async function milestoneFigures(manager: EntityManager, params: string[]): Promise<MilestoneFiguresView[]> {
  const rows: Array<Omit<MilestoneFiguresView, 'failed'>> = await manager.query(
    `SELECT m.code AS "milestoneCode", m.name, m.kind,
            count(DISTINCT r.enrolment_id)::int AS participants,
            count(r.id)::int AS records,
            count(DISTINCT r.enrolment_id) FILTER (WHERE r.result IS DISTINCT FROM 'failed')::int AS passed
       FROM project_milestone m
       LEFT JOIN project_phase p ON p.project_id = m.project_id AND p.code = m.phase_code
       LEFT JOIN milestone_record r ON r.project_id = m.project_id AND r.milestone_code = m.code AND r.reached_on <= $2
      WHERE m.project_id = $1
      GROUP BY m.code, m.name, m.kind, p.position
      ORDER BY p.position NULLS LAST, m.code`,
    params,
  );
  // Who reached it but never passed: an exam sat and failed (so far).
  return rows.map((row) => ({ ...row, failed: row.participants - row.passed }));
}

async function recruitmentFigures(manager: EntityManager, params: string[]): Promise<RecruitmentFiguresView> {
  const byArea: RecruitmentFiguresView['byArea'] = await manager.query(
    `SELECT area_code AS "areaCode", count(*)::int AS meetings, sum(attendees)::int AS attendees, sum(interested)::int AS interested
       FROM information_meeting WHERE project_id = $1 AND held_on <= $2
      GROUP BY area_code ORDER BY area_code`,
    params,
  );
  const [visits]: Array<{ companyVisits: number; busTours: number; visitParticipants: number }> = await manager.query(
    `SELECT count(*) FILTER (WHERE kind = 'company-visit')::int AS "companyVisits",
            count(*) FILTER (WHERE kind = 'bus-tour')::int AS "busTours",
            coalesce(sum(participants), 0)::int AS "visitParticipants"
       FROM company_visit WHERE project_id = $1 AND held_on <= $2`,
    params,
  );
  const [applications]: Array<{ applications: number; selected: number; rejected: number }> = await manager.query(
    `SELECT count(*)::int AS applications,
            count(*) FILTER (WHERE status = 'selected' AND decided_on <= $2)::int AS selected,
            count(*) FILTER (WHERE status = 'rejected' AND decided_on <= $2)::int AS rejected
       FROM application WHERE project_id = $1 AND applied_on <= $2`,
    params,
  );
  const sum = (key: 'meetings' | 'attendees' | 'interested') => byArea.reduce((total, area) => total + area[key], 0);
  return {
    informationMeetings: sum('meetings'),
    attendees: sum('attendees'),
    interested: sum('interested'),
    byArea,
    ...visits,
    ...applications,
    pending: applications.applications - applications.selected - applications.rejected,
  };
}
