import { Language } from '@fremskudt/service-kit';
import { countCell, csvDocument } from '../reports/csv';
import { WHOLE_SCOPE } from '../reports/labels';
import { PlacementStatistics } from './placement-statistics.dto';

const HEADER: Record<Language, string[]> = { da: ['Opdeling', 'Værdi', 'Startede'], en: ['Breakdown', 'Value', 'Started'] };
const BREAKDOWNS: Record<Language, Record<'total' | 'companyPlacements' | 'type' | 'area' | 'month', string>> = {
  da: { total: WHOLE_SCOPE.da, companyPlacements: 'Virksomhedsplaceringer', type: 'Type', area: 'Område', month: 'Måned' },
  en: { total: WHOLE_SCOPE.en, companyPlacements: 'Company placements', type: 'Type', area: 'Area', month: 'Month' },
};

/** The started placements as one table: the totals, then one line per type, area and month (each breakdown adds up to the total). */
export function placementStatisticsCsv(statistics: PlacementStatistics, language: Language): string {
  const label = BREAKDOWNS[language];
  return csvDocument(
    [
      HEADER[language],
      [label.total, '', countCell(statistics.started)],
      [label.companyPlacements, '', countCell(statistics.companyPlacements)],
      ...statistics.byType.map((row) => [label.type, row.placementType, countCell(row.count)]),
      ...statistics.byArea.map((row) => [label.area, row.areaCode, countCell(row.count)]),
      ...statistics.byMonth.map((row) => [label.month, row.month, countCell(row.count)]),
    ],
    language,
  );
}
