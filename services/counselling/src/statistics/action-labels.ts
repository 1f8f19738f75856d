import type { VisitAction } from '@fremskudt/contracts';

/** The actions of a talk as the statistics name them (the brief §4.2), in Danish and English. */
export const ACTION_LABELS: Readonly<Record<VisitAction, { da: string; en: string }>> = {
  advice: { da: 'Rådgivning', en: 'Advice' },
  referral: { da: 'Henvisning til lokal aktør', en: 'Referral to a local actor' },
  'company-contact': { da: 'Virksomhedskontakt samme dag', en: 'Company contact made the same day' },
  'follow-up-interview-held': { da: 'Opfølgningssamtale afholdt', en: 'Follow-up interview held' },
  'job-plan-revised': { da: 'Jobplan revideret', en: 'Job plan revised' },
};
