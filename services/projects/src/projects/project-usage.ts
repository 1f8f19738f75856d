import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictProblem } from '@fremskudt/service-kit';
import { Project } from './project.entities';

export interface ProjectChangeImpact {
  capacity: number | null;
  removedPhaseCodes: string[];
  removedMilestoneCodes: string[];
}

/**
 * What a change of a project's definition must respect about its participants: the capacity can't
 * go below the active participants, and phases or milestones participants have reached can't be
 * removed. Answers 409 with the reason when the change doesn't fit. Runs under the project's lock.
 */
@Injectable()
export class ProjectUsage {
  async assertChangeFits(manager: EntityManager, project: Project, impact: ProjectChangeImpact): Promise<void> {
    if (impact.capacity !== null && impact.capacity !== project.capacity) {
      const [{ active }]: Array<{ active: number }> = await manager.query(
        `SELECT count(*)::int AS active FROM enrolment WHERE project_id = $1 AND status = 'active'`,
        [project.id],
      );
      if (impact.capacity < active) {
        throw new ConflictProblem('capacity-below-active', `Project ${project.code} has ${active} active participants; the capacity can't go below that`);
      }
    }
    if (impact.removedPhaseCodes.length) {
      const used: Array<{ phase_code: string }> = await manager.query(
        `SELECT DISTINCT phase_code FROM enrolment_phase WHERE project_id = $1 AND phase_code = ANY($2) ORDER BY phase_code`,
        [project.id, impact.removedPhaseCodes],
      );
      if (used.length) throw new ConflictProblem('phase-in-use', `Participants have been in ${used.map((row) => row.phase_code).join(', ')}; it can't be removed`);
    }
    if (impact.removedMilestoneCodes.length) {
      const used: Array<{ milestone_code: string }> = await manager.query(
        `SELECT DISTINCT milestone_code FROM milestone_record WHERE project_id = $1 AND milestone_code = ANY($2) ORDER BY milestone_code`,
        [project.id, impact.removedMilestoneCodes],
      );
      if (used.length) {
        throw new ConflictProblem('milestone-in-use', `Participants have reached ${used.map((row) => row.milestone_code).join(', ')}; it can't be removed`);
      }
    }
  }
}
