import { WeeklyOpening } from './schedule';

/**
 * The tenants' starting desks as data (domain brief §3 and §4.2). A tenant applies its template
 * once (POST /setup/areas) and then changes desks and hours like any other: nothing here is
 * read again after setup.
 */

export const AREA_TEMPLATES = ['copenhagen', 'slagelse'] as const;
export type AreaTemplate = (typeof AREA_TEMPLATES)[number];

export interface TemplateDesk {
  areaCode: string;
  name: string;
  location: string;
  weekly: WeeklyOpening[];
}

const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;

/** The usual three-hour session of Udvalgte Boligområder ("later four times 3 h"). */
const morning = (weekday: number): WeeklyOpening => ({ weekday, opens: '09:30', closes: '12:30' });
/** Afternoon sessions where the same team also holds the morning desk in its other area. */
const afternoon = (weekday: number): WeeklyOpening => ({ weekday, opens: '13:00', closes: '16:00' });
/** Slagelse's smaller desks: the brief's early pattern of 1.5-hour sessions. */
const shortMorning = (weekday: number): WeeklyOpening => ({ weekday, opens: '10:00', closes: '11:30' });

/**
 * Copenhagen, Udvalgte Boligområder 2009-2015: six areas with the brief's opening days a week
 * (Tingbjerg 4, Hothers Plads 2, Aldersrogade 3, Lundtoftegade 2, Akacieparken 1, Urbanplanen 4),
 * 16 three-hour sessions a week. Area codes are caseload's. The teams hold two areas each
 * (Tingbjerg + Lundtoftegade, Hothers Plads + Aldersrogade, Urbanplanen + Akacieparken), so the
 * smaller area of a team opens on other days or in the afternoon: one team never staffs two
 * desks at the same time.
 *   Tingbjerg      Mon Tue Wed Thu 09:30-12:30
 *   Lundtoftegade  Tue Thu         13:00-16:00
 *   Hothers Plads  Tue Thu         09:30-12:30
 *   Aldersrogade   Mon Wed Fri     09:30-12:30
 *   Urbanplanen    Mon Tue Thu Fri 09:30-12:30
 *   Akacieparken   Wed             09:30-12:30
 */
const COPENHAGEN: TemplateDesk[] = [
  {
    areaCode: 'tingbjerg',
    name: 'Åben Rådgivning Tingbjerg',
    location: 'Lokalkontoret i Tingbjerg Centret',
    weekly: [MON, TUE, WED, THU].map(morning),
  },
  {
    areaCode: 'hothers-plads',
    name: 'Åben Rådgivning Hothers Plads (Mjølnerparken)',
    location: 'Beboerhuset ved Hothers Plads',
    weekly: [TUE, THU].map(morning),
  },
  {
    areaCode: 'aldersrogade',
    name: 'Åben Rådgivning Aldersrogade',
    location: 'Lokalkontoret i Aldersrogade',
    weekly: [MON, WED, FRI].map(morning),
  },
  {
    areaCode: 'lundtoftegade',
    name: 'Åben Rådgivning Lundtoftegade',
    location: 'Beboerlokalet i Lundtoftegade',
    weekly: [TUE, THU].map(afternoon),
  },
  {
    areaCode: 'akacieparken',
    name: 'Åben Rådgivning Akacieparken',
    location: 'Beboerhuset i Akacieparken',
    weekly: [WED].map(morning),
  },
  {
    areaCode: 'urbanplanen',
    name: 'Åben Rådgivning Urbanplanen',
    location: 'Lokalkontoret i Urbanplanen',
    weekly: [MON, TUE, THU, FRI].map(morning),
  },
];

/**
 * Slagelse's Integrations Jobenhed: Nordbyen (Slagelse) and Motalavej (Korsør) first, later
 * Sydbyen and Skælskør; five staff, so the first two areas open twice a week for three hours
 * and the later two once a week for 1.5 hours, never two desks at the same time.
 *   Nordbyen   Tue Thu 09:30-12:30
 *   Motalavej  Mon Wed 09:30-12:30
 *   Sydbyen    Fri     10:00-11:30
 *   Skælskør   Wed     13:00-14:30
 */
const SLAGELSE: TemplateDesk[] = [
  {
    areaCode: 'nordbyen',
    name: 'Åben Rådgivning Nordbyen',
    location: 'Beboerhuset i Nordbyen, Slagelse',
    weekly: [TUE, THU].map(morning),
  },
  {
    areaCode: 'motalavej',
    name: 'Åben Rådgivning Motalavej',
    location: 'Beboerlokalet på Motalavej, Korsør',
    weekly: [MON, WED].map(morning),
  },
  {
    areaCode: 'sydbyen',
    name: 'Åben Rådgivning Sydbyen',
    location: 'Beboerhuset i Sydbyen, Slagelse',
    weekly: [FRI].map(shortMorning),
  },
  {
    areaCode: 'skaelskoer',
    name: 'Åben Rådgivning Skælskør',
    location: 'Biblioteket i Skælskør',
    weekly: [{ weekday: WED, opens: '13:00', closes: '14:30' }],
  },
];

export const TEMPLATE_DESKS: Readonly<Record<AreaTemplate, readonly TemplateDesk[]>> = {
  copenhagen: COPENHAGEN,
  slagelse: SLAGELSE,
};
