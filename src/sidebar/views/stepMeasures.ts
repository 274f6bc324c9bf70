import { h, uid } from '../dom';
import { supportedMeasures, targetUnit, type Period } from '../draft';
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
  const group = (kind: 'lead' | 'lag', title: string, help: string) =>
    h(
      'fieldset',
      { class: 'measures' },
      h('legend', null, title),
      h('p', { class: 'hint' }, help),
      MEASURES.filter((m) => m.kind === kind).map((m) => measureRow(ctx, m, supported.has(m.id))),
    );
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
    h('p', { class: 'hint' }, 'Targets are optional: with one, each period shows On track, At risk or Off track.'),
  );
}

function measureRow(ctx: WizardContext, m: MeasureInfo, available: boolean): HTMLElement {
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
  const targetWrap = h('span', { class: 'target-wrap' }, target, h('span', { class: 'unit', 'aria-hidden': 'true' }, UNIT_TEXT[unit]));
  const sync = () => {
    target.disabled = !check.checked;
    targetWrap.hidden = !available;
  };
  check.addEventListener('change', () => {
    if (check.checked) draft.off.delete(m.id);
    else draft.off.add(m.id);
    sync();
  });
  sync();
  return h(
    'div',
    { class: available ? 'measure' : 'measure unavailable' },
    h('span', { class: 'check' }, check, h('label', { for: id }, m.label)),
    targetWrap,
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
}
