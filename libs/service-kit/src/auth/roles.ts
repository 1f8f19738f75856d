/**
 * The roles a token may carry (claim `roles`, see OIDC_ROLES_CLAIM). A person may hold several;
 * an endpoint allows a request when any of them is among the endpoint's roles.
 */
export const Role = {
  /** Jobkonsulent: own caseload, the area's desks, company contacts. */
  JobConsultant: 'job-consultant',
  /** Mentor: the citizens they accompany (activities, enrolments). */
  Mentor: 'mentor',
  /** Virksomhedskonsulent: companies, openings, placements. */
  CompanyConsultant: 'company-consultant',
  /** Teamleder: the team's caseloads and figures, desk and project set-up. */
  TeamLead: 'team-lead',
  /** Afdelingsleder: what a team lead may do, for every team and area of the municipality's outreach unit. */
  UnitLead: 'unit-lead',
  /** Leder/politiker-rapporter: reports and aggregated figures only, no citizen data. */
  Manager: 'manager',
  /** Partner (organisation in the token's `org`): own projects' participants, pseudonymised. */
  Partner: 'partner',
  /** Kommunens administrator: staff, areas, settings and goal definitions. */
  TenantAdmin: 'tenant-admin',
} as const;

export type RoleName = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly RoleName[] = Object.values(Role);

/** Role groups the services' permission declarations are written with. */
export const RoleGroups = {
  /** Everyone employed by the municipality (not partners). */
  staff: [Role.JobConsultant, Role.Mentor, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead, Role.Manager, Role.TenantAdmin],
  /** Staff who work with citizens' personal data. */
  caseworkers: [Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead],
  /** Staff who read aggregated figures and reports. */
  reportReaders: [Role.Manager, Role.TeamLead, Role.UnitLead, Role.TenantAdmin],
  /** Staff who set up areas, desks, projects and other tenant data. */
  administrators: [Role.TenantAdmin],
} satisfies Record<string, readonly RoleName[]>;

export function isRoleName(value: unknown): value is RoleName {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}
