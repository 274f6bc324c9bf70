import { h, plural, replace, uid } from '../dom';
import { KIND_WORDS, SOURCE_LABELS } from '../detect';
import { SOURCES } from '../../core/scorecard/sourceKind';
import { rolesFor } from '../draft';
import type { Source } from '../../core/scorecard/measures';
import type { WizardContext } from './wizardContext';
import { button, quoted } from './common';

const HELP: Readonly<Record<Source, string>> = {
  sales: 'Orders or invoices: a date and an amount on each row.',
  feedback: 'Survey answers: a date and a 0–10 “how likely to recommend”, satisfaction or comparison answer.',
  reviews: 'Online reviews: a date, the stars and whether you replied.',
};

/** Step 1: which sheet holds sales, feedback and reviews. What looks right is already chosen. */
export function renderSources(ctx: WizardContext): HTMLElement {
  const usable = ctx.guesses.filter((g) => !g.table.problem && g.table.headers.length);
  const fields = SOURCES.map((source) => {
    const id = uid(`src-${source}`);
    const hint = h('p', { class: 'hint', id: `${id}-hint` });
    const select = h(
      'select',
      { id, 'aria-describedby': `${id}-hint` },
      h('option', { value: '' }, 'None'),
      usable.map((g) =>
        h(
          'option',
          { value: g.table.sheet },
          g.table.sheet,
          g.kind === source ? (g.profile ? ` (${g.profile.name})` : ` (looks like ${KIND_WORDS[source]})`) : '',
        ),
      ),
    );
    select.value = ctx.draft.sources[source]?.sheet ?? '';
    const describe = () => {
      const g = select.value ? ctx.guessOf(select.value) : undefined;
      if (!g) return replace(hint, HELP[source]);
      const rows = plural(g.table.dataRows, 'row');
      const what = g.profile ? `a ${g.profile.name} (${KIND_WORDS[g.profile.kind]})` : g.kind ? KIND_WORDS[g.kind] : null;
      replace(
        hint,
        g.kind === source
          ? `${rows}; ${g.profile ? `recognised as ${what}` : `looks like ${KIND_WORDS[source]}`}.`
          : what
            ? `${rows}. It holds ${what}, not ${KIND_WORDS[source]}: choose it as the ${g.kind} data instead.`
            : `${rows}. It does not look like ${KIND_WORDS[source]}: check its columns in the next step.`,
      );
    };
    select.addEventListener('change', () => {
      const g = select.value ? ctx.guessOf(select.value) : undefined;
      if (g) ctx.draft.sources[source] = { sheet: g.table.sheet, roles: rolesFor(g, source, ctx.stored) };
      else delete ctx.draft.sources[source];
      describe();
    });
    describe();
    return h('div', { class: 'field' }, h('label', { for: id }, SOURCE_LABELS[source]), select, hint);
  });
  const skipped = ctx.guesses.filter((g) => g.table.problem);
  return h(
    'div',
    null,
    h('p', null, 'Choose the sheets the scorecard reads. Leadlag chose the ones that look right; change any that are wrong.'),
    fields,
    skipped.length
      ? h(
          'div',
          { class: 'note' },
          h('p', null, 'Sheets without a table Leadlag can read:'),
          h(
            'ul',
            null,
            skipped.map((g) => h('li', null, quoted(g.table.sheet), ': ', g.table.problem ?? '')),
          ),
        )
      : null,
    h(
      'p',
      null,
      button('Read the sheets again', () => ctx.reread(), 'link'),
      h('span', { class: 'hint' }, ' after pasting new data.'),
    ),
  );
}
