import { h, uid } from '../dom';
import { type PathDraft, supportedMeasures, targetUnit, toggleMarked, type Period } from '../draft';
import { MAX_MARKED } from '../../core/scorecard/defaults';
import { type LatestNumber } from '../../core/scorecard/plausibility';
import { MEASURES, type MeasureInfo } from '../../core/scorecard/measures';
import { measureNeeds } from '../../core/scorecard/bindings';
import { ROLE_LABELS, type Role } from '../../core/tables/roles';
import type { WizardContext } from './wizardContext';

const PERIODS: readonly { value: Period; label: string }[] = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
];

const UNIT_TEXT = { percent: '%', points: 'points', number: 'per period' } as const;

/** Step 3: the period, which measures to show and their targets (blank: no target). */
export function renderMeasures(ctx: WizardContext): HTMLElement {
  const { draft } = ctx;
  const name = uid('period');
  const periodField = h(
    'fieldset',
    null,
    h('legend', null, 'Period'),
    h(
      'div',
      { class: 'radios' },
      PERIODS.map((p) => {
        const id = `${name}-${p.value}`;
        const input = h('input', { type: 'radio', name, id, value: p.value, checked: draft.period === p.value });
        input.addEventListener('change', () => input.checked && (draft.period = p.value));
        return h('span', { class: 'radio' }, input, h('label', { for: id }, p.label));
      }),
    ),
  );
  const periodsId = uid('periods');
  const periodsInput = h('input', {
    type: 'number',
    id: periodsId,
    min: '3',
    max: '36',
    step: '1',
    value: String(draft.periods),
    class: 'short',
    'aria-describedby': `${periodsId}-hint`,
  });
  periodsInput.addEventListener('input', () => (draft.periods = Number(periodsInput.value)));
  const supported = new Set(supportedMeasures(draft).map((m) => m.id));
  const rows: MeasureRow[] = [];
  const group = (kind: 'lead' | 'lag', title: string, help: string) =>
    h(
      'fieldset',
      { class: 'measures' },
      h('legend', null, title),
      h('p', { class: 'hint' }, help),
      MEASURES.filter((m) => m.kind === kind).map((m) => {
        const row = measureRow(ctx, m, supported.has(m.id), () => rows.forEach((r) => r.syncMark()));
        rows.push(row);
        return row.el;
      }),
    );
  // Suggested targets come from the server's check of the whole sheets; shown once it answers.
  const suggest = (latest: readonly LatestNumber[]) => rows.forEach((r) => r.suggest(latest.find((l) => l.id === r.id)));
  if (ctx.check?.state === 'done' && ctx.check.result) queueMicrotask(() => suggest(ctx.check!.result!.latest));
  else
    void ctx
      .recheck()
      .done.then((c) => c.result && suggest(c.result.latest))
      .catch(() => undefined);
  return h(
    'div',
    null,
    periodField,
    h(
      'div',
      { class: 'field' },
      h('label', { for: periodsId }, 'Periods shown'),
      periodsInput,
      h('p', { class: 'hint', id: `${periodsId}-hint` }, 'The latest ones, from 3 to 36.'),
    ),
    group('lead', 'Lead measures (customers)', 'What customers feel now; act on these this week.'),
    group('lag', 'Lag measures (money)', 'Money that already happened.'),
    h(
      'p',
      { class: 'hint' },
      `Leave a target blank and Leadlag suggests one from the history (shown in grey, marked “suggested” on the sheet). ` +
        `A path moves the target from one value to another by a period. ★ puts up to ${MAX_MARKED} measures in the big numbers at the top.`,
    ),
  );
}

interface MeasureRow {
  readonly id: MeasureInfo['id'];
  readonly el: HTMLElement;
  /** Enables or disables the star after another measure's changed. */
  syncMark(): void;
  /** Shows the server's suggestion (or why there is none) in the target's placeholder. */
  suggest(latest: LatestNumber | undefined): void;
}

const shownValue = (value: number, m: MeasureInfo) =>
  targetUnit(m) === 'percent' ? String(Math.round(value * 1000) / 10) : String(Math.round(value * 100) / 100);

function measureRow(ctx: WizardContext, m: MeasureInfo, available: boolean, marksChanged: () => void): MeasureRow {
  const { draft } = ctx;
  const id = uid(`m-${m.id}`);
  const check = h('input', {
    type: 'checkbox',
    id,
    checked: available && !draft.off.has(m.id),
    disabled: !available,
    'aria-describedby': available ? null : `${id}-why`,
  });
  const unit = targetUnit(m);
  const target = h('input', {
    type: 'text',
    inputmode: 'decimal',
    id: `${id}-t`,
    class: 'target',
    value: draft.targets[m.id] ?? '',
    'aria-label': `Target for ${m.label}${unit === 'percent' ? ', in percent' : ''}`,
    placeholder: 'none',
    autocomplete: 'off',
  });
  target.addEventListener('input', () => (draft.targets[m.id] = target.value));
  const why = h('p', { class: 'hint suggestion', id: `${id}-s`, hidden: true });
  target.setAttribute('aria-describedby', `${id}-s`);
  const star = h(
    'button',
    {
      type: 'button',
      class: 'star',
      'aria-pressed': draft.marked.includes(m.id) ? 'true' : 'false',
      'aria-label': `Show ${m.label} in the big numbers at the top`,
      title: 'Matters most: show it at the top',
    },
    '★',
  );
  star.addEventListener('click', () => {
    const on = star.getAttribute('aria-pressed') !== 'true';
    if (toggleMarked(draft, m.id, on)) star.setAttribute('aria-pressed', on ? 'true' : 'false');
    marksChanged();
  });
  const targetWrap = h(
    'span',
    { class: 'target-wrap' },
    target,
    h('span', { class: 'unit', 'aria-hidden': 'true' }, UNIT_TEXT[unit]),
    star,
  );
  const path = pathFields(ctx, m, id);
  const sync = () => {
    target.disabled = !check.checked;
    targetWrap.hidden = !available;
    path.hidden = !available || !check.checked;
    syncMark();
  };
  const syncMark = () => {
    const pressed = draft.marked.includes(m.id);
    star.disabled = !check.checked || (!pressed && draft.marked.length >= MAX_MARKED);
    if (!check.checked && pressed) {
      toggleMarked(draft, m.id, false);
      star.setAttribute('aria-pressed', 'false');
    }
  };
  check.addEventListener('change', () => {
    if (check.checked) draft.off.delete(m.id);
    else draft.off.add(m.id);
    sync();
  });
  check.addEventListener('change', marksChanged);
  sync();
  const el = h(
    'div',
    { class: available ? 'measure' : 'measure unavailable' },
    h('span', { class: 'check' }, check, h('label', { for: id }, m.label)),
    targetWrap,
    why,
    path,
    available
      ? null
      : h(
          'p',
          { class: 'hint', id: `${id}-why` },
          `Needs ${m.source} data with: ${measureNeeds(m.id)
            .map((r) => ROLE_LABELS[r as Role])
            .join('; ')}.`,
        ),
  );
  return {
    id: m.id,
    el,
    syncMark,
    suggest(latest) {
      if (!available || !latest) return;
      if (latest.suggested !== null) {
        const shown = shownValue(latest.suggested, m);
        target.placeholder = shown;
        target.classList.add('suggested');
        why.textContent = `If blank, suggested: ${unit === 'percent' ? `${shown}%` : Number(shown).toLocaleString('en-GB')}. ${latest.suggestedWhy}`;
      } else {
        target.placeholder = 'none';
        target.classList.remove('suggested');
        why.textContent = latest.suggestedWhy;
      }
      why.hidden = latest.suggestedWhy === '';
    },
  };
}

/** From X to Y by when: four fields in a disclosure, open when the measure already has a path. */
function pathFields(ctx: WizardContext, m: MeasureInfo, id: string): HTMLElement {
  const { draft } = ctx;
  const current: PathDraft = draft.paths[m.id] ?? { from: '', to: '', start: '', by: '' };
  const field = (key: keyof PathDraft, label: string, placeholder: string, numeric: boolean) => {
    const input = h('input', {
      type: 'text',
      id: `${id}-p-${key}`,
      class: numeric ? 'target' : 'period-label',
      inputmode: numeric ? 'decimal' : null,
      value: current[key],
      placeholder,
      autocomplete: 'off',
    });
    input.addEventListener('input', () => {
      const p = (draft.paths[m.id] ??= { from: '', to: '', start: '', by: '' });
      p[key] = input.value;
    });
    return h('span', { class: 'path-field' }, h('label', { for: `${id}-p-${key}` }, label), input);
  };
  const example = draft.period === 'quarter' ? '2026-Q1' : draft.period === 'week' ? '2026-W01' : '2026-01';
  const unit = UNIT_TEXT[targetUnit(m)];
  const open = Object.values(current).some((v) => v.trim() !== '');
  return h(
    'details',
    { class: 'path', open },
    h('summary', null, `Path for ${m.label}: from X to Y by when`),
    h(
      'div',
      { class: 'path-fields' },
      field('from', `From (${unit})`, '', true),
      field('to', `To (${unit})`, '', true),
      field('start', 'Starting', example, false),
      field('by', 'Due by', example, false),
    ),
  );
}
