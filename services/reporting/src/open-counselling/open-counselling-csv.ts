import { Language } from '@fremskudt/service-kit';
import { csvDocument, numberText } from '../reports/csv';
import { DeskFiguresView, OpenCounsellingStatisticsView } from './open-counselling.dto';

const HEADERS: Record<Language, string[]> = {
  da: ['Område', 'Skranke', 'Åbninger', 'Åbningsdage', 'Besøg', 'Indkaldte', 'Uden indkaldelse med sag', 'Uden sag', 'Gennemførte samtaler', 'Besøg pr. åbningsdag', 'Indkaldte pr. dag', 'Uden indkaldelse med sag pr. dag', 'Uden sag pr. dag'],
  en: ['Area', 'Desk', 'Sessions', 'Opening days', 'Visits', 'Summoned', 'Walk-in with case', 'Without case', 'Talks held', 'Visits per opening day', 'Summoned per day', 'Walk-in with case per day', 'Without case per day'],
};
const ALL: Record<Language, string> = { da: 'I alt', en: 'All' };

/** The desks' figures as CSV, one line per desk and a total. */
export function openCounsellingCsv(view: OpenCounsellingStatisticsView, language: Language): string {
  const line = (desk: DeskFiguresView, area: string, id: string) => [
    area,
    id,
    String(desk.sessions),
    String(desk.openingDays),
    String(desk.visits),
    String(desk.summoned),
    String(desk.walkInWithCase),
    String(desk.withoutCase),
    String(desk.completedVisits),
    numberText(desk.perOpeningDay?.visits ?? null, language),
    numberText(desk.perOpeningDay?.summoned ?? null, language),
    numberText(desk.perOpeningDay?.walkInWithCase ?? null, language),
    numberText(desk.perOpeningDay?.withoutCase ?? null, language),
  ];
  return csvDocument([HEADERS[language], ...view.desks.map((desk) => line(desk, desk.areaCode!, desk.deskId!)), line(view.total, ALL[language], '')], language);
}
