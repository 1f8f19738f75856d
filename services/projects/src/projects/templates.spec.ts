import { HttpException } from '@nestjs/common';
import { definitionProblems } from './project-definition';
import { CreateFromTemplateDto } from './projects.dto';
import { instantiate } from './projects.service';
import { PROJECT_TEMPLATE_CATALOGUE, templateOf } from './templates';

describe('project templates', () => {
  const request = (overrides: Partial<CreateFromTemplateDto>): CreateFromTemplateDto =>
    ({ templateCode: 'stafetten', code: 'p', startDate: '2007-11-01', ...overrides }) as CreateFromTemplateDto;

  it.each(PROJECT_TEMPLATE_CATALOGUE.map((template) => [template.code, template]))('%s is a sound definition', (_code, template) => {
    const variantCode = template.variants[0]?.code;
    const project = instantiate(template, request({ templateCode: template.code, variantCode, areaCodes: ['tingbjerg'] }));
    expect(definitionProblems(project)).toEqual([]);
    expect(project.phases.length).toBeGreaterThan(0);
  });

  it('Stafetten: 25 places, women in the project’s areas, introduction of 4 weeks → temp → permanent, hygiene exam', () => {
    const project = instantiate(templateOf('stafetten'), request({ areaCodes: ['tingbjerg', 'akacieparken'] }));
    expect(project).toMatchObject({ name: 'Stafetten', templateCode: 'stafetten', variantCode: null, capacity: 25 });
    expect(project.eligibility).toMatchObject({ genders: ['female'], areaCodes: ['tingbjerg', 'akacieparken'] });
    expect(project.phases.map((phase) => [phase.code, phase.plannedWeeks])).toEqual([
      ['introduction', 4],
      ['integration-position', null],
      ['permanent-position', null],
    ]);
    expect(project.milestones.map((milestone) => [milestone.code, milestone.kind])).toEqual([
      ['hygiene-certificate-exam', 'exam'],
      ['permanent-employment', 'hired'],
    ]);
  });

  it('job package: the target jobs the source names are variants; one must be chosen, and it names the project', () => {
    const template = templateOf('job-package');
    expect(template.variants.map((variant) => variant.code)).toEqual([
      'care-home-helper',
      'social-health-care-helper',
      'service-assistant',
      'hospital-service-assistant',
      'hotel-worker',
      'postal-worker',
      'bus-driver',
    ]);
    const project = instantiate(template, request({ templateCode: 'job-package', variantCode: 'bus-driver' }));
    expect(project).toMatchObject({ name: 'Jobpakke: Rutebuschauffør', variantCode: 'bus-driver' });
    expect(project.eligibility).toMatchObject({ minAge: 18, maxAge: 55, benefitTypes: ['cash-benefit'], matchGroups: [3, 4], areaCodes: [] });
    expect(project.phases.map((phase) => phase.code)).toEqual(['preparatory-intro', 'internship-and-courses', 'ordinary-employment', 'after-check']);

    const missing = () => instantiate(template, request({ templateCode: 'job-package' }));
    expect(missing).toThrow(HttpException);
    expect(() => instantiate(template, request({ templateCode: 'job-package', variantCode: 'astronaut' }))).toThrow(HttpException);
    expect(() => instantiate(templateOf('stafetten'), request({ variantCode: 'bus-driver' }))).toThrow(HttpException);
  });

  it('company-preparation course: the two cohort goals of the reports (70 % placement in 26 weeks, 5 % job or education in 52)', () => {
    const project = instantiate(templateOf('company-preparation-course'), request({ templateCode: 'company-preparation-course', areaCodes: ['tingbjerg', 'urbanplanen'] }));
    expect(project.eligibility).toMatchObject({ minAge: 30, readiness: ['activity-ready'], areaCodes: ['tingbjerg', 'urbanplanen'] });
    expect(project.goals.map(({ code, outcome, windowWeeks, targetPercent, placementTypes, exitReasons }) => ({ code, outcome, windowWeeks, targetPercent, placementTypes, exitReasons }))).toEqual([
      {
        code: 'company-placement-26-weeks',
        outcome: 'company-placement',
        windowWeeks: 26,
        targetPercent: 70,
        placementTypes: ['company-internship', 'wage-subsidy-job'],
        exitReasons: [],
      },
      {
        code: 'job-or-education-52-weeks',
        outcome: 'job-or-education',
        windowWeeks: 52,
        targetPercent: 5,
        placementTypes: ['ordinary-job', 'part-time-job', 'flex-job'],
        exitReasons: ['job', 'education', 'flex-job'],
      },
    ]);
  });

  it('the request overrides the template: capacity (null for no limit), name, and single criteria', () => {
    const project = instantiate(templateOf('stafetten'), request({ capacity: null, name: 'Stafetten 2', eligibility: { minAge: 18 }, areaCodes: ['tingbjerg'] }));
    expect(project).toMatchObject({ capacity: null, name: 'Stafetten 2' });
    expect(project.eligibility).toMatchObject({ minAge: 18, genders: ['female'], areaCodes: ['tingbjerg'] });
  });
});
