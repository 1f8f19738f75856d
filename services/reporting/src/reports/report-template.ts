import Handlebars from 'handlebars';
import { ReportView } from './report-view';

/**
 * The printable report: one HTML page per tenant and period, in the view's language. Every
 * value goes through Handlebars' `{{ }}`, which escapes it (goal names and codes are the
 * tenant's data); there is no triple-stash in the template. A status is a coloured marker whose
 * shape differs too (● ◐ ○ –) followed by the word, so it reads without colour.
 */
const SOURCE = `<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<title>{{title}}</title>
<style>
  body { font-family: "Segoe UI", Arial, sans-serif; color: #1a1a1a; margin: 2rem; font-size: 11pt; }
  h1 { font-size: 18pt; margin-bottom: 0.2rem; }
  h2 { font-size: 14pt; margin-top: 2rem; border-bottom: 1px solid #888; }
  h3 { font-size: 12pt; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
  th, td { border: 1px solid #bbb; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
  td.number, th.number { text-align: right; white-space: nowrap; }
  .meta { color: #444; }
  .warning { border: 2px solid #b00020; padding: 0.5rem; }
  .status { white-space: nowrap; font-weight: 600; }
  .marker { font-size: 1.1em; margin-right: 0.2em; }
  .status-met .marker { color: #1b7a2f; }
  .status-partly-met .marker { color: #b36b00; }
  .status-not-met .marker { color: #b00020; }
  .status-not-assessed .marker { color: #666; }
  .evidence { color: #333; font-size: 9.5pt; }
  @media print {
    body { margin: 0; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    h2 { break-after: avoid; }
    tr { break-inside: avoid; }
  }
</style>
</head>
<body>
<header>
  <h1>{{title}}</h1>
  <p class="meta">{{dates}} · {{t.generated}} {{generated}} UTC</p>
  <p class="meta">{{t.effort}}: <span class="scope-effort">{{effortName}}</span> · {{t.comparison}}: <span class="scope-comparison">{{comparisonName}}</span></p>
  {{#if rebuildInProgress}}<p class="warning">{{t.rebuild}}</p>{{/if}}
</header>

<section id="goals">
  <h2>{{t.goals}}</h2>
  <p>{{t.goalsIntro}}</p>
  <table>
    <thead><tr><th>{{t.goal}}</th><th>{{t.period}}</th><th>{{t.status}}</th><th class="number">{{t.realised}}</th><th class="number">{{t.target}}</th><th class="number">{{t.numerator}}</th><th class="number">{{t.denominator}}</th><th class="number">{{t.population}}</th><th>{{t.definition}}</th></tr></thead>
    <tbody>
    {{#each goals}}
      <tr class="goal" data-goal="{{id}}">
        <td class="name">{{name}}{{#if areas}}<div class="evidence">{{@root.t.areasReached}}: {{areas}}</div>{{/if}}{{#if assessment}}<div class="evidence">{{assessment}}</div>{{/if}}</td>
        <td>{{period}}</td>
        <td><span class="status status-{{status.code}}"><span class="marker" aria-hidden="true">{{status.marker}}</span> {{status.label}}</span></td>
        <td class="number realised">{{realised}}</td>
        <td class="number target">{{target}}</td>
        <td class="number numerator">{{numerator}}</td>
        <td class="number denominator">{{denominator}}</td>
        <td class="number population">{{population}}</td>
        <td class="evidence definition">{{definition}}</td>
      </tr>
    {{else}}
      <tr><td colspan="9">{{@root.t.none}}</td></tr>
    {{/each}}
    </tbody>
  </table>
</section>

<section id="indicators">
  <h2>{{t.indicators}}</h2>
  <table>
    <thead><tr><th>{{t.indicator}}</th><th>{{t.period}}</th><th class="number">{{t.target}}</th><th class="number">{{t.realised}}</th><th>{{t.status}}</th><th class="number">{{t.comparisonColumn}}: {{comparisonName}}</th></tr></thead>
    <tbody>
    {{#each indicators}}
      <tr class="indicator">
        <td class="name">{{name}}</td>
        <td>{{period}}</td>
        <td class="number target">{{target}}</td>
        <td class="number realised">{{realised}}</td>
        <td><span class="status status-{{status.code}}"><span class="marker" aria-hidden="true">{{status.marker}}</span> {{status.label}}</span></td>
        <td class="number comparison">{{comparison}}</td>
      </tr>
    {{else}}
      <tr><td colspan="6">{{@root.t.none}}</td></tr>
    {{/each}}
    </tbody>
  </table>
</section>

<section id="progression">
  <h2>{{t.progression}} {{progression.dates}}</h2>
  <p>{{t.progressionIntro}}</p>
  {{#each progression.tables}}
  <h3>{{name}}</h3>
  <table class="transitions">
    <thead><tr><th>{{@root.t.startGroup}}</th><th class="number">{{@root.t.citizens}}</th><th class="number">{{@root.t.good}}</th><th class="number">{{@root.t.poor}}</th><th class="number">{{@root.t.jobOrEducation}}</th><th class="number">{{@root.t.other}}</th></tr></thead>
    <tbody>
    {{#each rows}}
      <tr class="transition"><td>{{start}}</td><td class="number">{{citizens}}</td>{{#each outcomes}}<td class="number">{{count}}{{#if share}} ({{share}}){{/if}}</td>{{/each}}</tr>
    {{/each}}
    </tbody>
  </table>
  <p class="evidence">{{notAssessedAtStart}} {{@root.t.notAssessedAtStart}}</p>
  {{/each}}
</section>

<section id="open-counselling">
  <h2>{{t.openCounselling}}</h2>
  <table>
    <thead><tr><th>{{t.area}}</th><th class="number">{{t.sessions}}</th><th class="number">{{t.openingDays}}</th><th class="number">{{t.visits}}</th><th class="number">{{t.perOpeningDay}}</th><th class="number">{{t.summoned}}</th><th class="number">{{t.walkInWithCase}}</th><th class="number">{{t.withoutCase}}</th></tr></thead>
    <tbody>
    {{#each desks}}
      <tr class="desk"><td>{{name}}</td><td class="number">{{sessions}}</td><td class="number">{{openingDays}}</td><td class="number">{{visits}}</td><td class="number">{{perOpeningDay}}</td>{{#each split}}<td class="number">{{this}}</td>{{/each}}</tr>
    {{/each}}
      <tr class="desk-total"><th>{{t.all}}</th><td class="number">{{desksTotal.sessions}}</td><td class="number">{{desksTotal.openingDays}}</td><td class="number">{{desksTotal.visits}}</td><td class="number">{{desksTotal.perOpeningDay}}</td>{{#each desksTotal.split}}<td class="number">{{this}}</td>{{/each}}</tr>
    </tbody>
  </table>
</section>
</body>
</html>
`;

/** Compiled once, in an environment of its own (no global helpers or partials), strict about missing fields. */
const template = Handlebars.create().compile<ReportView>(SOURCE, { strict: true });

export function renderReport(view: ReportView): string {
  return template(view);
}
