import type { ScorecardDefinition } from '../../core/scorecard/definition';
import { h, replace } from '../dom';
import type { SheetGuess } from '../detect';
import {
  checkKey,
  checkProblems,
  columnProblems,
  initialDraft,
  measureProblems,
  remapRoles,
  sourceProblems,
  toDefinition,
  type DraftCheck,
  type SourceChoice,
} from '../draft';
import type { CheckId } from '../../core/scorecard/plausibility';
import type { Source } from '../../core/scorecard/measures';
import type { CallError } from '../client';
import type { Session } from '../session';
import { markReady } from '../ready';
import { button, errorBox, focusHeading, loading, problemBox } from './common';
import { renderSources } from './stepSources';
import { renderColumns } from './stepColumns';
import { renderMeasures } from './stepMeasures';
import { renderBuild } from './stepBuild';
import type { WizardContext } from './wizardContext';

interface Step {
  readonly title: string;
  readonly render: (ctx: WizardContext) => HTMLElement;
  /** Problems that stop the next step (none on the last). */
  readonly check?: (ctx: WizardContext) => string[];
}

const STEPS: readonly Step[] = [
  { title: 'Data', render: renderSources, check: (c) => sourceProblems(c.draft) },
  {
    title: 'Columns',
    render: renderColumns,
    // The columns must give a measure, and what they give must look plausible over the whole sheets (or be confirmed).
    check: (c) => {
      const own = columnProblems(c.draft);
      return own.length ? own : checkProblems(c.check, c.accepted);
    },
  },
  { title: 'Measures and targets', render: renderMeasures, check: (c) => measureProblems(c.draft) },
  { title: 'Build', render: renderBuild },
];

/**
 * The scorecard wizard: four steps over one draft. Back never loses a choice; the draft becomes the
 * server's definition only when Build is pressed, and the server saves it with the spreadsheet, so
 * closing the sidebar loses nothing already built (the next wizard starts from it).
 */
export function renderWizard(root: HTMLElement, session: Session): void {
  const heading = h('h1', null, 'Build a scorecard');
  const body = h('div', null, loading('Reading the sheets…'));
  replace(root, heading, body);
  focusHeading(heading);

  const load = () => {
    replace(body, loading('Reading the sheets…'));
    Promise.all([session.tables(), session.client.call('getDefinition', {})]).then(
      ([guesses, stored]) => start(guesses, stored),
      (e: CallError) =>
        replace(
          body,
          errorBox(e.message, load),
          h(
            'div',
            { class: 'actions' },
            button('Back', () => session.go('home')),
          ),
        ),
    );
  };

  const start = (guesses: SheetGuess[], stored: ScorecardDefinition | null) => {
    const draft = initialDraft(guesses, stored);
    let step = 0;
    const stepList = h('ol', { class: 'steps' });
    const stepHeading = h('h2', { id: 'step-h', class: 'step-title' });
    const stepBody = h('div', { class: 'step-body' });
    const problems = h('div', { class: 'problems' });
    const back = button('Back', () => go(step - 1));
    const next = button('Next', () => forward(), 'primary');
    const navBar = h('div', { class: 'actions wizard-nav' }, back, next);
    const ctx: WizardContext = {
      session,
      draft,
      guesses,
      stored,
      guessOf: (sheet) => ctx.guesses.find((g) => g.table.sheet === sheet),
      reread: (toStep?: number) => {
        session.forgetTables();
        replace(stepBody, loading('Reading the sheets again…'));
        session.tables().then(
          (fresh) => {
            for (const [source, choice] of Object.entries(draft.sources) as [Source, SourceChoice][]) {
              const before = ctx.guessOf(choice.sheet);
              const after = fresh.find((g) => g.table.sheet === choice.sheet && !g.table.problem);
              if (!after) delete draft.sources[source];
              else if (before) choice.roles = remapRoles(before.table.headers, choice.roles, after);
            }
            ctx.guesses = fresh;
            go(toStep ?? step);
          },
          (e: CallError) =>
            replace(
              stepBody,
              errorBox(e.message, () => ctx.reread(toStep)),
            ),
        );
      },
      nav: {
        setBackEnabled: (on) => (back.disabled = !on),
        hide: () => (navBar.hidden = true),
      },
      check: null,
      accepted: new Set<CheckId>(),
      recheck: () => {
        const definition = toDefinition(draft, ctx.guesses);
        const key = checkKey(definition);
        const last = ctx.check;
        if (last && last.key === key && last.state !== 'failed') return last;
        let settle: (c: DraftCheck) => void = () => undefined;
        const done = new Promise<DraftCheck>((resolve) => (settle = resolve));
        const pending: DraftCheck = { key, state: 'pending', done };
        setCheck(pending);
        session.client.call('checkScorecard', { definition }).then(
          (result) => {
            const c: DraftCheck = { key, state: 'done', result, done };
            if (ctx.check === pending) setCheck(c);
            settle(c);
          },
          (e: CallError) => {
            const c: DraftCheck = { key, state: 'failed', error: e.message, done };
            if (ctx.check === pending) setCheck(c);
            settle(c);
          },
        );
        return pending;
      },
    };
    const setCheck = (c: DraftCheck) => (ctx.check = c);

    const go = (to: number) => {
      if (to < 0) return session.go('home');
      step = to;
      replace(
        stepList,
        STEPS.map((s, i) =>
          h('li', i === step ? { 'aria-current': 'step', class: 'current' } : i < step ? { class: 'done' } : null, s.title),
        ),
      );
      replace(stepHeading, `Step ${step + 1} of ${STEPS.length}: ${STEPS[step].title}`);
      replace(problems);
      navBar.hidden = false;
      back.disabled = false;
      next.hidden = step === STEPS.length - 1;
      replace(stepBody, STEPS[step].render(ctx));
      focusHeading(stepHeading);
      markReady(`wizard-${step + 1}`);
    };

    const forward = () => {
      const found = STEPS[step].check?.(ctx) ?? [];
      if (found.length) {
        replace(problems, problemBox(found));
        (problems.firstElementChild as HTMLElement | null)?.setAttribute('tabindex', '-1');
        (problems.firstElementChild as HTMLElement | null)?.focus();
        return;
      }
      go(step + 1);
    };

    replace(body, h('nav', { 'aria-label': 'Wizard steps' }, stepList), stepHeading, stepBody, problems, navBar);
    go(0);
  };
  load();
}
