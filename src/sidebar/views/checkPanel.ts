import { h, replace, uid } from '../dom';
import { acceptable, checkProblems } from '../draft';
import type { WizardContext } from './wizardContext';
import { loading } from './common';

/**
 * "What the scorecard will show": each measure's number for its latest period, computed by the server over
 * the whole sheets (checkScorecard), and what looks implausible, with a way to confirm numbers that are
 * right after all. Shown under the columns (step 2) and before Build (step 4); `refresh` checks again after a
 * change.
 */
export function checkPanel(ctx: WizardContext, opts: { confirm: boolean }): { el: HTMLElement; refresh(): void } {
  const id = uid('check');
  const body = h('div', { 'aria-live': 'polite' });
  const el = h('section', { class: 'check-panel', 'aria-labelledby': id }, h('h3', { id }, 'What the scorecard will show'), body);
  let seq = 0;
  const show = () => {
    const check = ctx.check;
    if (!check || check.state === 'pending') return replace(body, loading('Checking the columns against the whole sheets…'));
    if (check.state === 'failed' || !check.result)
      return replace(body, h('p', { class: 'error-text', role: 'alert' }, check.error ?? 'The columns could not be checked.'));
    const r = check.result;
    const profiles = r.sources.filter((s) => s.profile);
    const problems = checkProblems(check, new Set());
    const open = acceptable(r).filter((p) => !ctx.accepted.has(p.check));
    const confirmId = `${id}-ok`;
    replace(
      body,
      profiles.length
        ? h(
            'p',
            { class: 'hint' },
            profiles.map((s) => `“${s.sheet}” is read as a ${s.profile}${s.currency ? `, amounts in ${s.currency}` : ''}. `),
          )
        : null,
      r.latest.length
        ? h(
            'ul',
            { class: 'latest' },
            r.latest.map((m) => h('li', m.problem ? { class: 'latest-problem' } : null, m.text)),
          )
        : h('p', { class: 'hint' }, 'No measure can be counted from these columns yet.'),
      problems.length
        ? h(
            'div',
            { class: 'error-box implausible', role: 'alert' },
            h('p', { class: 'error-title' }, problems.length === 1 ? 'This looks wrong' : 'These look wrong'),
            h(
              'ul',
              null,
              problems.map((p) => h('li', null, p)),
            ),
          )
        : null,
      opts.confirm && acceptable(r).length
        ? h(
            'p',
            { class: 'confirm' },
            h('input', {
              type: 'checkbox',
              id: confirmId,
              checked: open.length === 0,
              on: {
                change: (e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  for (const p of acceptable(r))
                    if (on) ctx.accepted.add(p.check);
                    else ctx.accepted.delete(p.check);
                },
              },
            }),
            h('label', { for: confirmId }, ' These columns are right: build with these numbers anyway'),
          )
        : null,
    );
  };
  const refresh = () => {
    const mine = ++seq;
    const check = ctx.recheck();
    show();
    check.done.then(() => mine === seq && show());
  };
  refresh();
  return { el, refresh };
}
