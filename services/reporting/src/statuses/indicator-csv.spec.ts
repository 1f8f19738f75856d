import { formatFigure, indicatorTableCsv } from './indicator-csv';
import { IndicatorTableView } from './statuses.dto';

const table: IndicatorTableView = {
  tenant: 'kbh',
  comparisonScope: {},
  rebuildInProgress: false,
  rows: [
    {
      goalId: 'jp2007-jobplaner',
      indicator: 'Kontanthjælpsmodtagere med jobplan',
      period: '2007',
      kind: 'share',
      target: 0.9,
      direction: 'at-least',
      realised: 1584 / 1670,
      numerator: 1584,
      denominator: 1670,
      populationSize: 1670,
      status: 'met',
      statusLabel: 'Opfyldt',
      comparison: 1584 / 1670,
      definitionVersion: 1,
    },
    {
      goalId: 'ba2007-mentorforloeb',
      indicator: 'Iværksatte mentorforløb; "mindst 80"',
      period: '2007',
      kind: 'count',
      target: 80,
      direction: 'at-least',
      realised: 66,
      numerator: 66,
      denominator: null,
      populationSize: 1702,
      status: 'partly-met',
      statusLabel: 'Delvist opfyldt',
      comparison: null,
      definitionVersion: 2,
    },
  ],
};

describe('the indicator table as CSV', () => {
  it('formats figures as the reports do', () => {
    expect(formatFigure(1584 / 1670, 'share', 'da')).toBe('94,85 %');
    expect(formatFigure(1584 / 1670, 'share', 'en')).toBe('94.85 %');
    expect(formatFigure(66, 'count', 'da')).toBe('66');
    expect(formatFigure(0.005, 'rate', 'da')).toBe('0,50 %');
    expect(formatFigure(null, 'share', 'da')).toBe('');
  });

  it('writes Danish CSV with semicolons, decimal commas, quoting and a byte-order mark', () => {
    const csv = indicatorTableCsv(table, 'da');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Indikator;Periode;Retning;Mål;Realiseret;Tæller;Nævner;Population;Status;Sammenligning;Definitionsversion',
      'Kontanthjælpsmodtagere med jobplan;2007;mindst;90,00 %;94,85 %;1584;1670;1670;Opfyldt;94,85 %;1',
      '"Iværksatte mentorforløb; ""mindst 80""";2007;mindst;80;66;66;;1702;Delvist opfyldt;;2',
      '',
    ]);
  });

  it('writes English CSV with commas and decimal points', () => {
    const [header, first] = indicatorTableCsv(table, 'en').slice(1).split('\r\n');
    expect(header).toBe('Indicator,Period,Direction,Target,Realised,Numerator,Denominator,Population,Status,Comparison,Definition version');
    expect(first).toBe('Kontanthjælpsmodtagere med jobplan,2007,at least,90.00 %,94.85 %,1584,1670,1670,Opfyldt,94.85 %,1');
  });
});
