import { Inject, Injectable } from '@nestjs/common';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { assertNotBefore } from '@fremskudt/service-kit';
import { DeskFiguresView, OpenCounsellingQuery, OpenCounsellingStatisticsView } from './open-counselling.dto';

interface DeskRow {
  desk_id: string | null;
  area_code: string | null;
  total: boolean;
  sessions: number;
  opening_days: number;
  open_sessions: number;
  visits: number;
  summoned: number;
  walk_in_with_case: number;
  without_case: number;
  completed_visits: number;
}

const perDay = (count: number, days: number) => count / days;

/**
 * Open counselling per desk from counselling's events (brief §4.2): sessions and opening days
 * from DeskSessionOpened; visits and their split (summoned with a case, walk-in with a case,
 * without a case or anonymous) from DeskSessionClosed, which carries the desk's own counts of
 * the session; talks held from VisitCompleted. A session counts on its opening day; one still
 * open counts as an opening day, its visits when it closes.
 */
@Injectable()
export class OpenCounsellingStatisticsService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  statistics(query: OpenCounsellingQuery): Promise<OpenCounsellingStatisticsView> {
    assertNotBefore(query.to, query.from, 'to', 'from');
    return this.unitOfWork.run(async (manager) => {
      const rows: DeskRow[] = await manager.query(
        `WITH sessions AS (
           SELECT o.attributes ->> 'deskId' AS desk_id, o.area_code, o.occurred_on, o.subject_id,
                  c.attributes AS closed
             FROM domain_fact o
             LEFT JOIN domain_fact c ON c.kind = 'desk-session-closed' AND c.subject_id = o.subject_id
            WHERE o.kind = 'desk-session-opened' AND o.occurred_on BETWEEN $1::date AND $2::date
              AND ($3::text IS NULL OR o.area_code = $3::text)),
         talks AS (
           SELECT v.attributes ->> 'deskId' AS desk_id, count(*)::int AS completed
             FROM domain_fact v
            WHERE v.kind = 'counselling-visit' AND v.occurred_on BETWEEN $1::date AND $2::date
              AND ($3::text IS NULL OR v.area_code = $3::text)
            GROUP BY 1)
         SELECT s.desk_id, min(s.area_code) AS area_code, GROUPING(s.desk_id) = 1 AS total,
                count(*)::int AS sessions,
                count(DISTINCT (s.desk_id, s.occurred_on))::int AS opening_days,
                count(*) FILTER (WHERE s.closed IS NULL)::int AS open_sessions,
                coalesce(sum((s.closed ->> 'visits')::int), 0)::int AS visits,
                coalesce(sum((s.closed ->> 'summoned')::int), 0)::int AS summoned,
                coalesce(sum((s.closed ->> 'walkInWithCase')::int), 0)::int AS walk_in_with_case,
                coalesce(sum((s.closed ->> 'withoutCase')::int), 0)::int AS without_case,
                CASE WHEN GROUPING(s.desk_id) = 1 THEN (SELECT coalesce(sum(completed), 0) FROM talks)
                     ELSE coalesce(min(t.completed), 0) END::int AS completed_visits
           FROM sessions s LEFT JOIN talks t ON t.desk_id = s.desk_id
          GROUP BY GROUPING SETS ((s.desk_id), ())
          ORDER BY total, area_code, desk_id`,
        [query.from, query.to, query.areaCode ?? null],
      );
      const figures = (row: DeskRow | undefined): DeskFiguresView => {
        const days = row?.opening_days ?? 0;
        const split = { visits: row?.visits ?? 0, summoned: row?.summoned ?? 0, walkInWithCase: row?.walk_in_with_case ?? 0, withoutCase: row?.without_case ?? 0 };
        return {
          ...(row && !row.total ? { deskId: row.desk_id!, areaCode: row.area_code! } : {}),
          sessions: row?.sessions ?? 0,
          openingDays: days,
          openSessions: row?.open_sessions ?? 0,
          ...split,
          completedVisits: row?.completed_visits ?? 0,
          perOpeningDay:
            days > 0
              ? { visits: perDay(split.visits, days), summoned: perDay(split.summoned, days), walkInWithCase: perDay(split.walkInWithCase, days), withoutCase: perDay(split.withoutCase, days) }
              : null,
        };
      };
      return {
        tenant: TenantContext.currentTenant(),
        from: query.from,
        to: query.to,
        desks: rows.filter((row) => !row.total).map(figures),
        total: figures(rows.find((row) => row.total)),
      };
    });
  }
}
