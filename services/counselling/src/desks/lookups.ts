import { EntityManager, IsNull } from 'typeorm';
import { CaseCitizen, DeskSession, StaffMember } from './desk.entities';

/** What the visits module asks of desks, configuration and read models, inside its own transaction. */

/** The brief's topics (tenants may replace them: table counselling_topic). */
export const DEFAULT_TOPICS: ReadonlyArray<{ code: string; da: string; en: string }> = [
  { code: 'hours-rule', da: '225-timers-reglen', en: 'Hours rule' },
  { code: 'benefit-cap', da: 'Kontanthjælpsloftet', en: 'Cash-benefit cap' },
  { code: 'early-retirement', da: 'Førtidspension', en: 'Early retirement pension' },
  { code: 'job-portal-registration', da: 'Ugentlig tjek af jobportal', en: 'Weekly job-portal registration' },
  { code: 'letters-from-authorities', da: 'Breve fra myndigheder', en: 'Letters from authorities' },
  { code: 'holiday-rights', da: 'Ferieret', en: 'Holiday rights' },
  { code: 'job-plan-revision', da: 'Revision af jobplan', en: 'Job plan revision' },
  { code: 'hearing', da: 'Partshøring', en: 'Hearing' },
  { code: 'absence-from-activation', da: 'Fravær fra aktivering', en: 'Absence from activation' },
  { code: 'housing', da: 'Bolig', en: 'Housing' },
  { code: 'debt', da: 'Gæld', en: 'Debt' },
  { code: 'family', da: 'Familie', en: 'Family' },
  { code: 'health', da: 'Helbred', en: 'Health' },
];

/** The desk's open session (one at most), locked so check-ins and closing serialise. */
export function openSessionOf(manager: EntityManager, deskId: string): Promise<DeskSession | null> {
  return manager.findOne(DeskSession, { where: { deskId, closedAt: IsNull() }, lock: { mode: 'pessimistic_read' } });
}

/** The tenant's active topic codes: its own list when it has one, else the brief's defaults. */
export async function activeTopicCodes(manager: EntityManager): Promise<string[]> {
  const rows: Array<{ code: string; active: boolean }> = await manager.query(`SELECT code, active FROM counselling_topic`);
  return rows.length ? rows.filter((row) => row.active).map((row) => row.code) : DEFAULT_TOPICS.map((topic) => topic.code);
}

/** An active local partner of the area, by code, or null. */
export async function partnerOf(manager: EntityManager, areaCode: string, code: string): Promise<{ code: string; name: string } | null> {
  const [row] = await manager.query(`SELECT code, name FROM local_partner WHERE area_code = $1 AND code = $2 AND active`, [areaCode, code]);
  return row ?? null;
}

/** Whether the citizen has an active case with the outreach team (caseload's events, not a call). */
export async function hasCase(manager: EntityManager, citizenId: string): Promise<boolean> {
  return (await manager.findOneBy(CaseCitizen, { citizenId }))?.active === true;
}

/** An active member of the outreach team, or null. */
export function activeStaffMember(manager: EntityManager, staffId: string): Promise<StaffMember | null> {
  return manager.findOneBy(StaffMember, { id: staffId, active: true });
}
