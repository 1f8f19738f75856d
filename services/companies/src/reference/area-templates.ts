/**
 * Starting area tables per municipality: the housing areas of the outreach effort (domain brief
 * §3; codes as caseload uses them) and the neighbourhoods where their companies lie, each with an
 * approximate centre. Matching measures the distance between a citizen's housing area and an
 * opening's area from these centres. A tenant applies a template once (POST /areas/templates/…)
 * and then keeps its own table with PUT /areas/:code.
 */
export const AREA_TEMPLATES = ['copenhagen', 'slagelse'] as const;
export type AreaTemplate = (typeof AREA_TEMPLATES)[number];

export interface AreaDefinition {
  code: string;
  name: string;
  kind: 'housing-area' | 'neighbourhood';
  latitude: number;
  longitude: number;
}

const COPENHAGEN: AreaDefinition[] = [
  { code: 'tingbjerg', name: 'Tingbjerg', kind: 'housing-area', latitude: 55.7167, longitude: 12.4833 },
  { code: 'utterslevhuse', name: 'Utterslevhuse', kind: 'housing-area', latitude: 55.715, longitude: 12.49 },
  { code: 'hothers-plads', name: 'Hothers Plads (Mjølnerparken)', kind: 'housing-area', latitude: 55.6998, longitude: 12.5433 },
  { code: 'aldersrogade', name: 'Aldersrogade', kind: 'housing-area', latitude: 55.7073, longitude: 12.553 },
  { code: 'lundtoftegade', name: 'Lundtoftegade', kind: 'housing-area', latitude: 55.6975, longitude: 12.546 },
  { code: 'akacieparken', name: 'Akacieparken', kind: 'housing-area', latitude: 55.664, longitude: 12.5067 },
  { code: 'urbanplanen', name: 'Urbanplanen', kind: 'housing-area', latitude: 55.654, longitude: 12.6 },
  { code: 'indre-by', name: 'Indre By', kind: 'neighbourhood', latitude: 55.6786, longitude: 12.57 },
  { code: 'valby', name: 'Valby', kind: 'neighbourhood', latitude: 55.6617, longitude: 12.516 },
  { code: 'amager-oest', name: 'Amager Øst', kind: 'neighbourhood', latitude: 55.658, longitude: 12.605 },
  { code: 'noerrebro', name: 'Nørrebro', kind: 'neighbourhood', latitude: 55.696, longitude: 12.545 },
  { code: 'bispebjerg', name: 'Bispebjerg', kind: 'neighbourhood', latitude: 55.711, longitude: 12.539 },
  { code: 'broenshoej-husum', name: 'Brønshøj-Husum', kind: 'neighbourhood', latitude: 55.709, longitude: 12.49 },
  { code: 'sydhavn', name: 'Sydhavnen', kind: 'neighbourhood', latitude: 55.65, longitude: 12.54 },
  { code: 'kastrup', name: 'Kastrup (lufthavnen)', kind: 'neighbourhood', latitude: 55.63, longitude: 12.65 },
  { code: 'glostrup', name: 'Glostrup', kind: 'neighbourhood', latitude: 55.666, longitude: 12.404 },
];

const SLAGELSE: AreaDefinition[] = [
  { code: 'nordbyen', name: 'Nordbyen (Slagelse)', kind: 'housing-area', latitude: 55.41, longitude: 11.36 },
  { code: 'motalavej', name: 'Motalavej (Korsør)', kind: 'housing-area', latitude: 55.335, longitude: 11.15 },
  { code: 'sydbyen', name: 'Sydbyen (Slagelse)', kind: 'housing-area', latitude: 55.395, longitude: 11.355 },
  { code: 'skaelskoer', name: 'Skælskør', kind: 'housing-area', latitude: 55.25, longitude: 11.29 },
  { code: 'slagelse-centrum', name: 'Slagelse centrum', kind: 'neighbourhood', latitude: 55.403, longitude: 11.354 },
  { code: 'korsoer-havn', name: 'Korsør havn', kind: 'neighbourhood', latitude: 55.33, longitude: 11.14 },
];

export const AREA_TEMPLATE_AREAS: Record<AreaTemplate, readonly AreaDefinition[]> = { copenhagen: COPENHAGEN, slagelse: SLAGELSE };
