import { h, replace, uid } from '../dom';
import type { Session } from '../session';
import { markReady } from '../ready';
import { button, confirmBox, errorBox, focusHeading, loading, problemBox } from './common';

/**
 * What the goals and key-account wizards share: a stepper like the scorecard's (steps listed, a heading
 * per step that takes the focus, Back and Next; Next runs the step's own check first), a select field, and
 * a build button that shows progress and asks before a rebuild removes cells the manager added.
 */
export interface WizardStep {
  readonly title: string;
  readonly render: () => HTMLElement;
  /** Problems that keep Next from moving on (shown in a box that takes the focus); may ask the server. */
  readonly check?: () => Promise<string[]> | string[];
}

export interface Stepper {
  go(step: number): void;
  setBackEnabled(on: boolean): void;
  hideNav(): void;
}

export function runSteps(
  body: HTMLElement,
  opts: { readonly label: string; readonly ready: string; readonly steps: readonly WizardStep[]; readonly leave: () => void },
): Stepper {
  const { steps } = opts;
  let step = 0;
  let moving = false;
  const list = h('ol', { class: 'steps' });
  const id = uid(`${opts.ready}-step`);
  const heading = h('h2', { id, class: 'step-title' });
  const stepBody = h('div', { class: 'step-body' });
  const problems = h('div', { class: 'problems' });
  const back = button('Back', () => go(step - 1));
  const next = button('Next', () => void forward(), 'primary');
  const nav = h('div', { class: 'actions wizard-nav' }, back, next);
  const go = (to: number) => {
    if (to < 0) return opts.leave();
    step = to;
    replace(
      list,
      steps.map((s, i) =>
        h('li', i === step ? { 'aria-current': 'step', class: 'current' } : i < step ? { class: 'done' } : null, s.title),
      ),
    );
    replace(heading, `Step ${step + 1} of ${steps.length}: ${steps[step].title}`);
    replace(problems);
    nav.hidden = false;
    back.disabled = false;
    next.hidden = step === steps.length - 1;
    replace(stepBody, steps[step].render());
    focusHeading(heading);
    markReady(`${opts.ready}-${step + 1}`);
  };
  const forward = async () => {
    if (moving) return;
    moving = true;
    next.setAttribute('aria-busy', 'true');
    const at = step;
    try {
      replace(problems);
      const found = (await steps[step].check?.()) ?? [];
      if (step !== at) return;
      if (found.length) {
        replace(problems, problemBox(found));
        const box = problems.firstElementChild as HTMLElement | null;
        box?.setAttribute('tabindex', '-1');
        box?.focus();
        return;
      }
      go(step + 1);
    } catch (e) {
      replace(problems, errorBox(e instanceof Error ? e.message : String(e)));
      (problems.firstElementChild as HTMLElement | null)?.setAttribute('tabindex', '-1');
      (problems.firstElementChild as HTMLElement | null)?.focus();
    } finally {
      moving = false;
      next.removeAttribute('aria-busy');
    }
  };
  replace(body, h('nav', { 'aria-label': opts.label }, list), heading, stepBody, problems, nav);
  go(0);
  return { go, setBackEnabled: (on) => (back.disabled = !on), hideNav: () => (nav.hidden = true) };
}

/** A labelled select; `onChange` gets the value chosen. */
export function selectField(
  label: string,
  options: readonly { readonly value: string; readonly label: string }[],
  value: string,
  onChange: (value: string) => void,
  hint?: string,
): { el: HTMLElement; select: HTMLSelectElement; hint: HTMLElement } {
  const id = uid('sel');
  const hintEl = h('p', { class: 'hint', id: `${id}-hint` }, hint ?? '');
  const select = h(
    'select',
    { id, 'aria-describedby': hint !== undefined ? `${id}-hint` : null },
    options.map((o) => h('option', { value: o.value }, o.label)),
  );
  select.value = options.some((o) => o.value === value) ? value : (options[0]?.value ?? '');
  select.addEventListener('change', () => onChange(select.value));
  return {
    el: h('div', { class: 'field' }, h('label', { for: id }, label), select, hint !== undefined ? hintEl : null),
    select,
    hint: hintEl,
  };
}

/**
 * The Build button of a last step: one server call, progress while it runs (a second click does nothing),
 * the question when a rebuild would remove cells the manager added, then `done` with the answer.
 */
export function buildArea<R extends { readonly confirm: { readonly message: string } | null }>(
  label: string,
  progress: string,
  call: (force: boolean) => Promise<R>,
  done: (r: R) => void,
  stepper: Stepper,
  failTitle: string,
): HTMLElement {
  const area = h('div', { class: 'build-area' });
  let busy = false;
  const build = button(label, () => start(), 'primary');
  const start = () => {
    if (busy) return;
    busy = true;
    build.disabled = true;
    stepper.setBackEnabled(false);
    replace(
      area,
      h('div', { class: 'progress', role: 'progressbar', 'aria-label': progress }, h('div', { class: 'bar' })),
      h('p', { role: 'status', class: 'build-status' }, `${progress}: reading the sheets and writing the formulas.`),
    );
    area.setAttribute('aria-busy', 'true');
    const again = (force: boolean) => call(force).then(finish, failed);
    const finish = (r: R) => {
      area.setAttribute('aria-busy', 'false');
      if (r.confirm) {
        replace(
          area,
          confirmBox(
            r.confirm.message,
            'Rebuild anyway',
            () => {
              replace(area, loading(`${progress}…`));
              void again(true);
            },
            () => {
              busy = false;
              build.disabled = false;
              stepper.setBackEnabled(true);
              replace(area, 'Not rebuilt: nothing was changed.');
              build.focus();
            },
          ),
        );
        return;
      }
      done(r);
    };
    const failed = (e: Error) => {
      busy = false;
      build.disabled = false;
      area.setAttribute('aria-busy', 'false');
      stepper.setBackEnabled(true);
      replace(area, errorBox(e.message, undefined, failTitle));
      build.focus();
    };
    void again(false);
  };
  return h('div', null, h('div', { class: 'actions' }, build), area);
}

/** A view's frame: its heading (focused), and a body that starts loading. */
export function viewFrame(root: HTMLElement, title: string, what: string): { heading: HTMLElement; body: HTMLElement } {
  window.scrollTo(0, 0);
  const heading = h('h1', null, title);
  const body = h('div', null, loading(what));
  replace(root, heading, body);
  focusHeading(heading);
  return { heading, body };
}

/** The failure of a view's first call, with a way back home. */
export function loadFailed(body: HTMLElement, session: Session, message: string, retry: () => void, ready: string): void {
  replace(
    body,
    errorBox(message, retry),
    h(
      'div',
      { class: 'actions' },
      button('Back', () => session.go('home')),
    ),
  );
  markReady(ready);
}
