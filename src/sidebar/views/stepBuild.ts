import type { BuildSummary } from '../../rpc/contract';
import { h, plural, replace } from '../dom';
import { SOURCE_LABELS } from '../detect';
import { SOURCES } from '../../core/scorecard/sourceKind';
import { checkProblems, supportedMeasures, toDefinition } from '../draft';
import { checkPanel } from './checkPanel';
import { markReady } from '../ready';
import type { WizardContext } from './wizardContext';
import { button, confirmBox, errorBox, focusHeading, loading, problemBox, quoted } from './common';
import { showSheet } from './showSheet';

const PERIOD_WORDS = { week: 'weeks', month: 'months', quarter: 'quarters' } as const;

/**
 * Step 4: a summary, then Build. The build is one server call (it writes the sheet in a few block
 * writes); the sidebar shows that it is working and how long it has taken, and a second click while
 * it runs does nothing.
 */
export function renderBuild(ctx: WizardContext): HTMLElement {
  const { draft } = ctx;
  const on = supportedMeasures(draft).filter((m) => !draft.off.has(m.id));
  const targets = on.filter((m) => (draft.targets[m.id] ?? '').trim() !== '').length;
  const summary = h(
    'dl',
    { class: 'summary' },
    SOURCES.flatMap((s) => {
      const c = draft.sources[s];
      return c ? [h('dt', null, SOURCE_LABELS[s]), h('dd', null, quoted(c.sheet))] : [];
    }),
    h('dt', null, 'Periods'),
    h('dd', null, `the last ${draft.periods} ${PERIOD_WORDS[draft.period]}`),
    h('dt', null, 'Measures'),
    h('dd', null, `${on.map((m) => m.label).join(', ')}`),
    h('dt', null, 'Targets'),
    h('dd', null, targets ? `${targets} set` : 'none (you can add them later)'),
  );
  const area = h('div', { class: 'build-area' });
  // The numbers each measure will show, checked again for the period chosen in step 3.
  const check = checkPanel(ctx, { confirm: true });
  let busy = false;
  const build = button('Build scorecard', () => begin(), 'primary');
  const begin = () => {
    if (busy) return;
    busy = true;
    ctx.recheck().done.then((c) => {
      busy = false;
      const problems = checkProblems(c, ctx.accepted);
      if (problems.length) {
        replace(area, problemBox(problems));
        check.refresh();
        return;
      }
      start();
    });
  };
  const start = () => {
    if (busy) return;
    busy = true;
    build.disabled = true;
    ctx.nav.setBackEnabled(false);
    const started = Date.now();
    const seconds = h('span', { class: 'elapsed', 'aria-hidden': 'true' }, '0 s');
    const timer = setInterval(() => replace(seconds, `${Math.round((Date.now() - started) / 1000)} s`), 1000);
    replace(
      area,
      h('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Building the scorecard' }, h('div', { class: 'bar' })),
      h(
        'p',
        { role: 'status', class: 'build-status' },
        'Building the scorecard: reading the sheets and writing the formulas. Large sheets take up to a minute. ',
        seconds,
      ),
    );
    area.setAttribute('aria-busy', 'true');
    area.scrollIntoView({ block: 'nearest' });
    const again = (force: boolean) => ctx.session.client.call('buildScorecard', { definition: toDefinition(draft, ctx.guesses), force });
    const done = (r: BuildSummary) => {
      clearInterval(timer);
      area.setAttribute('aria-busy', 'false');
      if (r.confirm) {
        // Nothing was built: the manager added cells to the scorecard, and a rebuild would remove them.
        replace(
          area,
          confirmBox(
            r.confirm.message,
            'Rebuild anyway',
            () => {
              replace(area, loading('Rebuilding the scorecard…'));
              again(true).then(done, failed);
            },
            () => {
              busy = false;
              build.disabled = false;
              ctx.nav.setBackEnabled(true);
              replace(area);
              build.focus();
            },
          ),
        );
        return;
      }
      ctx.session.forgetTables();
      showResult(ctx, area, r);
    };
    const failed = (e: Error) => {
      clearInterval(timer);
      busy = false;
      build.disabled = false;
      area.setAttribute('aria-busy', 'false');
      ctx.nav.setBackEnabled(true);
      replace(
        area,
        errorBox(e.message, undefined, 'The scorecard was not built'),
        h(
          'p',
          null,
          button('Read the sheets again and check the columns', () => ctx.reread(1), 'link'),
        ),
      );
      build.focus();
    };
    again(false).then(done, failed);
  };
  return h(
    'div',
    null,
    h('p', null, 'Leadlag will build this scorecard on its own sheet. Your sheets are only read, never changed.'),
    summary,
    check.el,
    h('div', { class: 'actions' }, build),
    area,
  );
}

function showResult(ctx: WizardContext, area: HTMLElement, r: BuildSummary): void {
  ctx.nav.hide();
  // Which measures could not be counted, and why (the checks before the build computed every one of them).
  const notCounted = (ctx.check?.result?.latest ?? []).filter((m) => m.problem && r.measures.includes(m.id));
  const title = h('h2', { class: 'result-title' }, notCounted.length ? 'Scorecard built, with blank measures' : 'Scorecard built');
  const status = h('p', { role: 'status', class: 'hint' });
  const root = area.closest('.step-body')?.parentElement ?? area;
  const result = h(
    'div',
    { class: 'result' },
    title,
    h(
      'p',
      null,
      `The sheet ${quoted(r.sheet)} shows ${plural(r.measures.length, 'measure')}. Its numbers are live formulas: paste new rows under your data and they update.`,
    ),
    r.skipped
      ? h(
          'p',
          null,
          `${plural(r.skipped, 'row')} of your data were left out (blank, title or totals rows); the list is at the bottom of the sheet.`,
        )
      : null,
    notCounted.length
      ? h(
          'div',
          { class: 'note', role: 'status' },
          h('p', null, 'Built, but these measures are blank: a cell of their column cannot be read.'),
          h(
            'ul',
            null,
            notCounted.map((m) => h('li', null, `${m.label}: ${m.problem}`)),
          ),
        )
      : null,
    r.missing.length
      ? h(
          'div',
          { class: 'note' },
          h('p', null, 'Not shown, because the data does not have what they need:'),
          h(
            'ul',
            null,
            r.missing.map((m) => h('li', null, m)),
          ),
        )
      : null,
    h('p', { class: 'hint' }, 'Your choices are saved with the spreadsheet: closing the sidebar loses nothing, and Rebuild uses them.'),
    h(
      'div',
      { class: 'actions' },
      button(`Show ${quoted(r.sheet)}`, () => showSheet(ctx.session, r.sheet, status), 'primary'),
      button('Done', () => ctx.session.go('home')),
    ),
    status,
  );
  replace(root, result);
  focusHeading(title);
  markReady('built');
}
