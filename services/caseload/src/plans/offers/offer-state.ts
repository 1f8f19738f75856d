import { OfferDropReason } from '@fremskudt/contracts';
import { compareIsoDates, IsoDate } from '../../rules';

/**
 * An offer's life: planned → started → completed, and planned or started → dropped. Completed
 * and dropped are final. "Started" and "completed" are separate facts (the brief's goals count both).
 */
export const OFFER_STATUSES = ['planned', 'started', 'completed', 'dropped'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface OfferState {
  status: OfferStatus;
  startedOn: IsoDate | null;
  completedOn: IsoDate | null;
  droppedOn: IsoDate | null;
  dropReason: OfferDropReason | null;
}

export type OfferTransition =
  | { kind: 'start'; startedOn: IsoDate }
  | { kind: 'complete'; completedOn: IsoDate }
  | { kind: 'drop'; droppedOn: IsoDate; reason: OfferDropReason };

/** Why a transition is refused: a stable code (the 409's `code`) and an English detail. */
export interface OfferRefusal {
  code: 'offer-already-started' | 'offer-not-started' | 'offer-completed' | 'offer-dropped' | 'offer-date-before-start';
  detail: string;
}

export type OfferDecision = { accepted: true; next: OfferState } | { accepted: false; refusal: OfferRefusal };

const refuse = (code: OfferRefusal['code'], detail: string): OfferDecision => ({ accepted: false, refusal: { code, detail } });

/** Decides a transition from the current state; pure, so a refusal can never have written anything. */
export function decideOfferTransition(state: OfferState, transition: OfferTransition): OfferDecision {
  if (state.status === 'completed') return refuse('offer-completed', 'The offer is completed; nothing more can happen to it');
  if (state.status === 'dropped') return refuse('offer-dropped', 'The offer was dropped; nothing more can happen to it');

  switch (transition.kind) {
    case 'start':
      if (state.status === 'started') return refuse('offer-already-started', `The offer already started on ${state.startedOn}`);
      return { accepted: true, next: { ...state, status: 'started', startedOn: transition.startedOn } };

    case 'complete':
      if (state.status === 'planned') return refuse('offer-not-started', 'An offer that never started cannot be completed; drop it instead');
      if (compareIsoDates(transition.completedOn, state.startedOn!) < 0) {
        return refuse('offer-date-before-start', `Completed on ${transition.completedOn} is before the start on ${state.startedOn}`);
      }
      return { accepted: true, next: { ...state, status: 'completed', completedOn: transition.completedOn } };

    case 'drop':
      if (state.status === 'started' && compareIsoDates(transition.droppedOn, state.startedOn!) < 0) {
        return refuse('offer-date-before-start', `Dropped on ${transition.droppedOn} is before the start on ${state.startedOn}`);
      }
      return { accepted: true, next: { ...state, status: 'dropped', droppedOn: transition.droppedOn, dropReason: transition.reason } };
  }
}
