import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { ActivationsController, ActivationsService } from './activations/activations';
import { ActivitiesController } from './activities/activities.controller';
import { ActivitiesService } from './activities/activities.service';
import { Activity, ActivityLocalActor } from './activities/activity.entities';
import { CitizenJobPlansController, JobPlansController } from './job-plans/job-plans.controller';
import { JobPlansService } from './job-plans/job-plans.service';
import { JobPlan, JobPlanGoal, JobPlanRevision } from './job-plans/job-plan.entities';
import { JobPlans1763900000300 } from './migrations/1763900000300-job-plans';
import { Offers1763900000301 } from './migrations/1763900000301-offers';
import { Placements1763900000302 } from './migrations/1763900000302-placements';
import { Activities1763900000303 } from './migrations/1763900000303-activities';
import { Offer } from './offers/offer.entity';
import { CitizenOffersController, OffersController } from './offers/offers.controller';
import { OffersService } from './offers/offers.service';
import { Placement } from './placements/placement.entity';
import { CitizenPlacementsController } from './placements/placements.controller';
import { PlacementsHandler } from './placements/placements.handler';

type EntityClass = (new () => object) | EntitySchema;

/**
 * Plans: job plans, offers, company placements (consumed from the companies service), the
 * activations behind activation timeliness, and home visits and round-table meetings.
 */
@Module({
  controllers: [
    CitizenJobPlansController,
    JobPlansController,
    CitizenOffersController,
    OffersController,
    CitizenPlacementsController,
    PlacementsHandler,
    ActivationsController,
    ActivitiesController,
  ],
  providers: [JobPlansService, OffersService, ActivationsService, ActivitiesService],
  exports: [ActivationsService],
})
export class PlansModule {}

export const plansEntities: EntityClass[] = [JobPlan, JobPlanRevision, JobPlanGoal, Offer, Placement, Activity, ActivityLocalActor];
export const plansMigrations: Array<new () => MigrationInterface> = [
  JobPlans1763900000300,
  Offers1763900000301,
  Placements1763900000302,
  Activities1763900000303,
];

// For other modules: a citizen's activations and the last activation start (activation timeliness).
export { ActivationsService, citizenActivations, lastActivationStartedOn, ACTIVATING_PLACEMENT_TYPES } from './activations/activations';
