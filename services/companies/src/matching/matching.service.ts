import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, Language, NotFoundProblem } from '@fremskudt/service-kit';
import { KnownCitizen } from '../citizens';
import { JobWish } from '../job-wishes';
import { Opening } from '../openings';
import { Placement } from '../placements';
import { inFullTimePlacementOn } from '../placements/placement-rules';
import { ReferenceDataService } from '../reference';
import { AreaRow } from '../reference/reference.entities';
import { copenhagenToday } from '../shared/calendar';
import { CandidatesForOpeningView, DEFAULT_RANKED_LIMIT, OpeningsForCitizenView, ReasonView } from './matching.dto';
import { CandidateProfile, ExclusionReason, JobWishProfile, MatchingContext, OpeningProfile, rankCandidatesForOpening, rankOpeningsForCitizen, Reason } from './ranking';
import { Labels, reasonText } from './reason-texts';

const toOpeningProfile = (opening: Opening): OpeningProfile => ({
  id: opening.id,
  companyId: opening.companyId,
  branchCode: opening.branchCode,
  areaCode: opening.areaCode,
  hoursPerWeek: opening.hoursPerWeek,
  languageLevel: opening.languageLevel,
  certificates: opening.certificates,
  conditions: opening.conditions,
  deadline: opening.deadline,
});

const toWishProfile = (wish: JobWish): JobWishProfile => ({
  branchCodes: wish.branchCodes,
  areaCodes: wish.areaCodes,
  maxTravelKm: wish.maxTravelKm,
  hoursMin: wish.hoursMin,
  hoursMax: wish.hoursMax,
  languageLevel: wish.languageLevel,
  certificates: wish.certificates,
  avoidConditions: wish.avoidConditions,
});

/**
 * The matching queries: they read the openings, the citizens with their current job wishes and
 * placements, and the tenant's areas in one transaction, and leave the ranking to ./ranking.
 */
@Injectable()
export class MatchingService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ReferenceDataService) private readonly reference: ReferenceDataService,
  ) {}

  /** The open openings for a citizen with a current job wish, best first, and those the citizen is excluded from. */
  openingsForCitizen(citizenId: string, limit = DEFAULT_RANKED_LIMIT, language: Language = 'da'): Promise<OpeningsForCitizenView> {
    return this.unitOfWork.run(async (manager) => {
      const citizen = await manager.findOneBy(KnownCitizen, { citizenId });
      if (!citizen) throw new NotFoundProblem(`Citizen ${citizenId} is not a citizen of this tenant's outreach team`);
      if (!citizen.active) throw new ConflictProblem('citizen-exited', `Citizen ${citizenId} has left the outreach team (exited)`);
      const wish = await manager.findOneBy(JobWish, { citizenId, replacedAt: IsNull() });
      if (!wish) throw new ConflictProblem('job-wish-missing', `Citizen ${citizenId} has no job wish to match on (POST /citizens/${citizenId}/job-wishes)`);
      const { context, labels } = await this.contextAndLabels(manager, language);
      const busy = await this.inFullTimePlacement(manager, [citizenId], context.today);
      const candidate: CandidateProfile = { citizenId, areaCode: citizen.areaCode, active: true, inFullTimePlacement: busy.has(citizenId), wish: toWishProfile(wish) };
      const openings = (await manager.find(Opening, { where: { status: 'open' } })).map(toOpeningProfile);

      const ranking = rankOpeningsForCitizen(candidate, openings, context);
      const say = reasonsIn(labels, language);
      return {
        citizenId,
        areaCode: citizen.areaCode,
        jobWishId: wish.id,
        considered: openings.length,
        ranked: ranking.ranked.slice(0, limit).map(({ rank, item, score, distanceKm, reasons }) => ({
          rank,
          openingId: item.id,
          companyId: item.companyId,
          branchCode: item.branchCode,
          areaCode: item.areaCode,
          hoursPerWeek: item.hoursPerWeek,
          score,
          distanceKm,
          reasons: say(reasons),
        })),
        excluded: ranking.excluded.map(({ item, distanceKm, reasons }) => ({ openingId: item.id, companyId: item.companyId, distanceKm, reasons: say(reasons) })),
      };
    });
  }

  /** The citizens with a current job wish for an open opening, best first, and those excluded from it. */
  candidatesForOpening(openingId: string, limit = DEFAULT_RANKED_LIMIT, language: Language = 'da'): Promise<CandidatesForOpeningView> {
    return this.unitOfWork.run(async (manager) => {
      const opening = await manager.findOneBy(Opening, { id: openingId });
      if (!opening) throw new NotFoundProblem(`Opening ${openingId} not found`);
      if (opening.status !== 'open') throw new ConflictProblem('opening-not-open', `Opening ${openingId} is ${opening.status}`);
      const { context, labels } = await this.contextAndLabels(manager, language);
      const wishes = await manager.find(JobWish, { where: { replacedAt: IsNull() } });
      const citizens = new Map((await manager.find(KnownCitizen, { where: { citizenId: In(wishes.map((w) => w.citizenId)) } })).map((c) => [c.citizenId, c]));
      const busy = await this.inFullTimePlacement(manager, wishes.map((w) => w.citizenId), context.today);
      const candidates: CandidateProfile[] = wishes.map((wish) => {
        const citizen = citizens.get(wish.citizenId)!;
        return { citizenId: wish.citizenId, areaCode: citizen.areaCode, active: citizen.active, inFullTimePlacement: busy.has(wish.citizenId), wish: toWishProfile(wish) };
      });

      const ranking = rankCandidatesForOpening(toOpeningProfile(opening), candidates, context);
      const say = reasonsIn(labels, language);
      return {
        openingId,
        considered: candidates.length,
        ranked: ranking.ranked.slice(0, limit).map(({ rank, item, score, distanceKm, reasons }) => ({
          rank,
          citizenId: item.citizenId,
          areaCode: item.areaCode,
          score,
          distanceKm,
          reasons: say(reasons),
        })),
        excluded: ranking.excluded.map(({ item, distanceKm, reasons }) => ({ citizenId: item.citizenId, areaCode: item.areaCode, distanceKm, reasons: say(reasons) })),
      };
    });
  }

  private async contextAndLabels(manager: EntityManager, language: Language): Promise<{ context: MatchingContext; labels: Labels }> {
    const areaRows = await manager.find(AreaRow);
    const branches = await this.reference.branches(manager);
    const branchLabels = new Map(branches.map((branch) => [branch.code, language === 'en' ? branch.labelEn : branch.labelDa]));
    const areaNames = new Map(areaRows.map((area) => [area.code, area.name]));
    return {
      context: { areas: new Map(areaRows.map((area) => [area.code, { latitude: area.latitude, longitude: area.longitude }])), today: copenhagenToday() },
      labels: { branch: (code) => branchLabels.get(code) ?? code, area: (code) => areaNames.get(code) ?? code },
    };
  }

  /** Which of the citizens are in a full-time placement (by the tenant's threshold) today. */
  private async inFullTimePlacement(manager: EntityManager, citizenIds: string[], today: string): Promise<Set<string>> {
    if (!citizenIds.length) return new Set();
    const { fullTimeHoursPerWeek } = await this.reference.settings(manager);
    const placements = await manager.find(Placement, { where: { citizenId: In(citizenIds), status: In(['planned', 'started']) } });
    const byCitizen = new Map<string, Placement[]>();
    for (const placement of placements) byCitizen.set(placement.citizenId, [...(byCitizen.get(placement.citizenId) ?? []), placement]);
    return new Set([...byCitizen].filter(([, own]) => inFullTimePlacementOn(own, today, fullTimeHoursPerWeek)).map(([citizenId]) => citizenId));
  }
}

/** Renders ranking reasons for the API: code, points (null for an exclusion), the sentence, the facts. */
const reasonsIn =
  (labels: Labels, language: Language) =>
  (reasons: ReadonlyArray<Reason | ExclusionReason>): ReasonView[] =>
    reasons.map((reason) => ({
      code: reason.code,
      points: 'points' in reason ? reason.points : null,
      text: reasonText(reason.code, reason.facts, labels, language),
      facts: reason.facts,
    }));

