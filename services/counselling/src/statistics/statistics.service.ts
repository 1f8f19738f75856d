import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VISIT_ACTIONS } from '@fremskudt/contracts';
import { UnitOfWork } from '@fremskudt/persistence';
import { NotFoundProblem, ProblemException } from '@fremskudt/service-kit';
import { DEFAULT_TOPICS } from '../desks/lookups';
import { ACTION_LABELS } from './action-labels';
import { average, MAX_DAY_LIST_DAYS, MAX_SUMMARY_DAYS, minutes, percent, periodProblems } from './statistics-period';
import {
  DeskVisitFiguresView,
  DistributionEntryView,
  OpeningDayView,
  PartnerReferralsView,
  VisitDaysView,
  VisitFiguresView,
  VisitStatisticsQuery,
  VisitStatisticsView,
} from './statistics.dto';

/**
 * The desks, sessions and visits a question is about. A visit counts on its session's opening
 * day (the Copenhagen date the desk opened), so visits and opening days always agree, also for
 * a visit entered afterwards. Parameters: $1 from, $2 to (inclusive), $3 area code, $4 desk id.
 */
const SCOPE = `
  scoped_desk AS (
    SELECT d.id, d.area_code, d.name, d.active FROM desk d
     WHERE ($3::text IS NULL OR d.area_code = $3::text) AND ($4::uuid IS NULL OR d.id = $4::uuid)
  ),
  scoped_session AS (
    SELECT s.id, s.desk_id, s.date FROM desk_session s JOIN scoped_desk d ON d.id = s.desk_id
     WHERE s.date BETWEEN $1::date AND $2::date
  ),
  scoped_visit AS (
    SELECT v.id, v.desk_id, v.citizen_id, v.visitor_kind, v.arrival, v.status, v.checked_in_at, v.talk_started_at, v.ended_at, v.topics, v.actions
      FROM visit v JOIN scoped_session s ON s.id = v.session_id
  )`;

/** The brief's split of visits: summoned and walk-in citizens with a case, and everyone without one. */
const SPLIT_COLUMNS = `
  count(*) FILTER (WHERE visitor_kind = 'citizen-with-case' AND arrival = 'summoned')::int AS summoned,
  count(*) FILTER (WHERE visitor_kind = 'citizen-with-case' AND arrival = 'walk-in')::int AS walk_in_with_case,
  count(*) FILTER (WHERE visitor_kind = 'citizen-without-case')::int AS citizens_without_case,
  count(*) FILTER (WHERE visitor_kind = 'anonymous')::int AS anonymous`;

/** A row of a GROUPING SETS ((desk_id, ...), (...)) query: for one desk, or for all of them (total). */
interface Grouped {
  desk_id: string | null;
  total: boolean;
}

interface SessionRow extends Grouped {
  sessions: number;
  opening_days: number;
}

interface VisitRow extends Grouped {
  visits: number;
  summoned: number;
  walk_in_with_case: number;
  citizens_without_case: number;
  anonymous: number;
  waited: number;
  wait_median: number | null;
  wait_p90: number | null;
  talks: number;
  talk_median: number | null;
}

interface RepeatRow extends Grouped {
  citizens: number;
  repeaters: number;
}

interface CodeCountRow extends Grouped {
  code: string;
  visits: number;
}

interface ReferralRow extends Grouped {
  area_code: string;
  partner_code: string;
  name: string;
  referrals: number;
}

interface Label {
  code: string;
  labelDa: string;
  labelEn: string;
  /** Listed in the distribution even when no visit had it (the tenant's current list). */
  listed: boolean;
}

const badInput = (problems: ReturnType<typeof periodProblems>) => new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, problems);

/** The scope's key of a grouped row: the desk, or '' for the total. */
const keyOf = (row: Grouped) => (row.total ? '' : row.desk_id!);

function byScope<R extends Grouped>(rows: R[]): Map<string, R[]> {
  const grouped = new Map<string, R[]>();
  for (const row of rows) grouped.set(keyOf(row), [...(grouped.get(keyOf(row)) ?? []), row]);
  return grouped;
}

/**
 * Visit statistics of the desks (brief §4.2, issue 4 "Queries"): counts, the per-opening-day
 * split, waiting and talk times, repeat visitors, topics, actions and referrals. Read-only SQL
 * over the desks' and visits' tables, grouped per desk and in total in one pass each.
 */
@Injectable()
export class StatisticsService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  visits(query: VisitStatisticsQuery): Promise<VisitStatisticsView> {
    const problems = periodProblems(query.from, query.to, MAX_SUMMARY_DAYS);
    if (problems.length) throw badInput(problems);
    const params = [query.from, query.to, query.areaCode ?? null, query.deskId ?? null];
    return this.unitOfWork.run(async (manager) => {
      await this.assertDesk(manager, query.deskId);
      const [desks, sessions, visits, repeats, topics, actions, referrals, topicLabels] = [
        (await manager.query(
          `WITH ${SCOPE}
           SELECT d.id, d.area_code AS "areaCode", d.name FROM scoped_desk d
            WHERE d.active OR EXISTS (SELECT 1 FROM scoped_session s WHERE s.desk_id = d.id)
            ORDER BY d.area_code, d.name COLLATE "da-DK-x-icu", d.id`,
          params,
        )) as Array<{ id: string; areaCode: string; name: string }>,
        (await manager.query(
          `WITH ${SCOPE}
           SELECT desk_id, GROUPING(desk_id) = 1 AS total, count(*)::int AS sessions, count(DISTINCT (desk_id, date))::int AS opening_days
             FROM scoped_session GROUP BY GROUPING SETS ((desk_id), ())`,
          params,
        )) as SessionRow[],
        (await manager.query(
          `WITH ${SCOPE}
           SELECT desk_id, GROUPING(desk_id) = 1 AS total, count(*)::int AS visits, ${SPLIT_COLUMNS},
                  count(talk_started_at)::int AS waited,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM talk_started_at - checked_in_at)::float8 / 60) AS wait_median,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM talk_started_at - checked_in_at)::float8 / 60) AS wait_p90,
                  count(*) FILTER (WHERE status = 'done')::int AS talks,
                  percentile_cont(0.5) WITHIN GROUP (
                    ORDER BY CASE WHEN status = 'done' THEN extract(epoch FROM ended_at - talk_started_at)::float8 / 60 END) AS talk_median
             FROM scoped_visit GROUP BY GROUPING SETS ((desk_id), ())`,
          params,
        )) as VisitRow[],
        // Per citizen and desk, and per citizen over all desks: a repeat visitor came twice or more.
        (await manager.query(
          `WITH ${SCOPE},
           per_citizen AS (
             SELECT desk_id, GROUPING(desk_id) = 1 AS total, citizen_id, count(*) AS visits
               FROM scoped_visit WHERE citizen_id IS NOT NULL
              GROUP BY GROUPING SETS ((desk_id, citizen_id), (citizen_id)))
           SELECT desk_id, total, count(*)::int AS citizens, count(*) FILTER (WHERE visits >= 2)::int AS repeaters
             FROM per_citizen GROUP BY desk_id, total`,
          params,
        )) as RepeatRow[],
        (await manager.query(
          `WITH ${SCOPE}
           SELECT desk_id, GROUPING(desk_id) = 1 AS total, topic AS code, count(*)::int AS visits
             FROM scoped_visit CROSS JOIN LATERAL unnest(topics) AS topic
            WHERE status = 'done' GROUP BY GROUPING SETS ((desk_id, topic), (topic))`,
          params,
        )) as CodeCountRow[],
        (await manager.query(
          `WITH ${SCOPE}
           SELECT desk_id, GROUPING(desk_id) = 1 AS total, action AS code, count(*)::int AS visits
             FROM scoped_visit CROSS JOIN LATERAL unnest(actions) AS action
            WHERE status = 'done' GROUP BY GROUPING SETS ((desk_id, action), (action))`,
          params,
        )) as CodeCountRow[],
        (await manager.query(
          `WITH ${SCOPE}
           SELECT r.desk_id, GROUPING(r.desk_id) = 1 AS total, r.area_code, r.partner_code, coalesce(p.name, r.partner_code) AS name, count(*)::int AS referrals
             FROM referral r
             JOIN scoped_visit v ON v.id = r.visit_id
             LEFT JOIN local_partner p ON p.area_code = r.area_code AND p.code = r.partner_code
            GROUP BY GROUPING SETS ((r.desk_id, r.area_code, r.partner_code, p.name), (r.area_code, r.partner_code, p.name))`,
          params,
        )) as ReferralRow[],
        await this.topicLabels(manager),
      ];

      const sessionsBy = byScope(sessions);
      const visitsBy = byScope(visits);
      const repeatsBy = byScope(repeats);
      const topicsBy = byScope(topics);
      const actionsBy = byScope(actions);
      const referralsBy = byScope(referrals);
      const figures = (key: string): VisitFiguresView =>
        toFigures(
          sessionsBy.get(key)?.[0],
          visitsBy.get(key)?.[0],
          repeatsBy.get(key)?.[0],
          topicsBy.get(key) ?? [],
          actionsBy.get(key) ?? [],
          referralsBy.get(key) ?? [],
          topicLabels,
        );
      return {
        from: query.from,
        to: query.to,
        areaCode: query.areaCode ?? null,
        deskId: query.deskId ?? null,
        total: figures(''),
        desks: desks.map((desk): DeskVisitFiguresView => ({ deskId: desk.id, areaCode: desk.areaCode, deskName: desk.name, ...figures(desk.id) })),
      };
    });
  }

  /** One row per desk and opening day (days with a session, also without visits), with the split. */
  days(query: VisitStatisticsQuery): Promise<VisitDaysView> {
    const problems = periodProblems(query.from, query.to, MAX_DAY_LIST_DAYS);
    if (problems.length) throw badInput(problems);
    const params = [query.from, query.to, query.areaCode ?? null, query.deskId ?? null];
    return this.unitOfWork.run(async (manager) => {
      await this.assertDesk(manager, query.deskId);
      const days = (await manager.query(
        `WITH ${SCOPE}
         SELECT s.date::text AS date, s.desk_id AS "deskId", d.area_code AS "areaCode", d.name AS "deskName",
                count(DISTINCT s.id)::int AS sessions, count(v.id)::int AS visits,
                count(v.id) FILTER (WHERE v.visitor_kind = 'citizen-with-case' AND v.arrival = 'summoned')::int AS summoned,
                count(v.id) FILTER (WHERE v.visitor_kind = 'citizen-with-case' AND v.arrival = 'walk-in')::int AS "walkInWithCase",
                count(v.id) FILTER (WHERE v.visitor_kind <> 'citizen-with-case')::int AS "withoutCase"
           FROM scoped_session s
           JOIN scoped_desk d ON d.id = s.desk_id
           LEFT JOIN visit v ON v.session_id = s.id
          GROUP BY s.date, s.desk_id, d.area_code, d.name
          ORDER BY s.date, d.area_code, d.name COLLATE "da-DK-x-icu", s.desk_id`,
        params,
      )) as OpeningDayView[];
      return { from: query.from, to: query.to, days };
    });
  }

  /** A desk asked for must exist (404 when unknown or another tenant's: row-level security hides it). */
  private async assertDesk(manager: EntityManager, deskId: string | undefined): Promise<void> {
    if (!deskId) return;
    const [desk] = (await manager.query(`SELECT 1 FROM desk WHERE id = $1`, [deskId])) as unknown[];
    if (!desk) throw new NotFoundProblem(`Desk ${deskId} not found`);
  }

  /** The tenant's topic labels (retired ones too: old visits carry them), or the brief's defaults. */
  private async topicLabels(manager: EntityManager): Promise<Label[]> {
    const rows = (await manager.query(
      `SELECT code, label_da AS "labelDa", label_en AS "labelEn", NOT retired AS listed FROM counselling_topic ORDER BY position, code`,
    )) as Label[];
    if (rows.length) return rows;
    return DEFAULT_TOPICS.map((topic) => ({ code: topic.code, labelDa: topic.da, labelEn: topic.en, listed: true }));
  }
}

function toFigures(
  sessions: SessionRow | undefined,
  visits: VisitRow | undefined,
  repeats: RepeatRow | undefined,
  topics: CodeCountRow[],
  actions: CodeCountRow[],
  referrals: ReferralRow[],
  topicLabels: Label[],
): VisitFiguresView {
  const openingDays = sessions?.opening_days ?? 0;
  const count = visits?.visits ?? 0;
  const summoned = visits?.summoned ?? 0;
  const walkInWithCase = visits?.walk_in_with_case ?? 0;
  const citizensWithoutCase = visits?.citizens_without_case ?? 0;
  const anonymous = visits?.anonymous ?? 0;
  const withoutCase = citizensWithoutCase + anonymous;
  const talks = visits?.talks ?? 0;
  const caseCitizens = repeats?.citizens ?? 0;
  const repeatVisitors = repeats?.repeaters ?? 0;
  const byPartner: PartnerReferralsView[] = referrals
    .map((row) => ({ areaCode: row.area_code, partnerCode: row.partner_code, name: row.name, referrals: row.referrals }))
    .sort((a, b) => b.referrals - a.referrals || a.areaCode.localeCompare(b.areaCode) || a.partnerCode.localeCompare(b.partnerCode));
  return {
    visits: count,
    openingDays,
    sessions: sessions?.sessions ?? 0,
    split: { summoned, walkInWithCase, withoutCase, citizensWithoutCase, anonymous },
    perOpeningDay: {
      visits: average(count, openingDays),
      summoned: average(summoned, openingDays),
      walkInWithCase: average(walkInWithCase, openingDays),
      withoutCase: average(withoutCase, openingDays),
    },
    withCasePercent: percent(summoned + walkInWithCase, count),
    caseVisitsWithoutSummonsPercent: percent(walkInWithCase, summoned + walkInWithCase),
    waitingTime: { measured: visits?.waited ?? 0, medianMinutes: minutes(visits?.wait_median), p90Minutes: minutes(visits?.wait_p90) },
    talkLength: { measured: talks, medianMinutes: minutes(visits?.talk_median) },
    repeatVisitors: { caseCitizens, repeatVisitors, sharePercent: percent(repeatVisitors, caseCitizens) },
    topics: distribution(topicLabels, topics, talks),
    actions: distribution(
      VISIT_ACTIONS.map((code) => ({ code, labelDa: ACTION_LABELS[code].da, labelEn: ACTION_LABELS[code].en, listed: true })),
      actions,
      talks,
    ),
    referrals: { total: byPartner.reduce((sum, row) => sum + row.referrals, 0), byPartner },
  };
}

/**
 * Counts per code: every listed code (zero included, so a chart keeps its categories) and any
 * other code the visits carry; most visits first, ties in the list's order.
 */
export function distribution(labels: ReadonlyArray<Label>, counts: ReadonlyArray<{ code: string; visits: number }>, completedVisits: number): DistributionEntryView[] {
  const countOf = new Map(counts.map((row) => [row.code, row.visits]));
  const labelOf = new Map(labels.map((label) => [label.code, label]));
  const codes = [...labels.filter((label) => label.listed).map((label) => label.code)];
  for (const row of counts) if (!codes.includes(row.code)) codes.push(row.code);
  return codes
    .map((code, position) => ({ code, position, visits: countOf.get(code) ?? 0 }))
    .sort((a, b) => b.visits - a.visits || a.position - b.position)
    .map(({ code, visits }) => ({
      code,
      labelDa: labelOf.get(code)?.labelDa ?? code,
      labelEn: labelOf.get(code)?.labelEn ?? code,
      visits,
      sharePercent: percent(visits, completedVisits),
    }));
}
