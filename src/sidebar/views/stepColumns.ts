import { h, count, plural, replace, uid } from '../dom';
import { SOURCE_LABELS, type SheetGuess } from '../detect';
import { SOURCES } from '../../core/scorecard/sourceKind';
import { measuresFrom, setRole, type SourceChoice } from '../draft';
import { ROLES, ROLE_LABELS, isRole, type Role } from '../../core/tables/roles';
import type { Source } from '../../core/scorecard/measures';
import type { WizardContext } from './wizardContext';
import { quoted } from './common';
import { checkPanel } from './checkPanel';

const PREVIEW_ROWS = 3;

/** "Sales amount (revenue)" → "Sales amount": the role's name without its explanation. */
export function shortRole(role: Role): string {
  return ROLE_LABELS[role].replace(/\s*\(.*$/, '');
}

/** Step 2: what each column of each chosen sheet holds, a preview of a few rows, and the rows left out. */
export function renderColumns(ctx: WizardContext): HTMLElement {
  const check = checkPanel(ctx, { confirm: true });
  const sections = SOURCES.flatMap((source) => {
    const choice = ctx.draft.sources[source];
    const guess = choice && ctx.guessOf(choice.sheet);
    return choice && guess ? [sourceSection(ctx, source, choice, guess, check.refresh)] : [];
  });
  return h(
    'div',
    null,
    h(
      'p',
      null,
      'Check what each column holds: Leadlag guessed from the headers and the values. Columns marked “Not used” are left alone.',
    ),
    sections,
    check.el,
  );
}

function sourceSection(ctx: WizardContext, source: Source, choice: SourceChoice, guess: SheetGuess, changed: () => void): HTMLElement {
  const id = uid(`cols-${source}`);
  const gives = h('p', { class: 'gives', 'aria-live': 'polite' });
  const preview = h('div', { class: 'preview-wrap' });
  const status = h('p', { class: 'hint', role: 'status' });
  const selects: HTMLSelectElement[] = [];
  const update = () => {
    const list = measuresFrom(ctx.draft, source);
    replace(gives, list.length ? `Gives: ${list.map((m) => m.label).join(', ')}.` : 'Gives no measure yet.');
    replace(preview, previewTable(guess, choice));
  };
  const fields = guess.table.headers.map((header, j) => {
    const fid = `${id}-c${j}`;
    const select = h(
      'select',
      { id: fid, 'aria-describedby': `${fid}-eg` },
      h('option', { value: '' }, 'Not used'),
      ROLES.map((r) => h('option', { value: r }, ROLE_LABELS[r])),
    );
    select.value = choice.roles[j] ?? '';
    select.addEventListener('change', () => {
      const role = isRole(select.value) ? select.value : null;
      const moved = setRole(choice, j, role);
      if (moved !== null) {
        selects[moved].value = '';
        replace(status, `${quoted(guess.table.headers[moved])} is now Not used: ${shortRole(role as Role)} is ${quoted(header)}.`);
      } else replace(status);
      update();
      changed();
    });
    selects.push(select);
    const examples =
      guess.table.columns[j]
        ?.filter((v) => v !== '' && v !== null)
        .slice(0, 2)
        .map(String) ?? [];
    return h(
      'div',
      { class: 'field col-field' },
      h(
        'label',
        { for: fid, title: guess.table.labels?.[j] || header },
        header || `(column ${j + 1} has no header)`,
        // A header row under the names holds the question (Qualtrics: Q1 is "How likely are you to recommend…").
        guess.table.labels?.[j] ? h('span', { class: 'hint' }, ` ${guess.table.labels[j]}`) : null,
      ),
      select,
      h('p', { class: 'hint example', id: `${fid}-eg` }, examples.length ? `e.g. ${examples.join(' · ')}` : 'empty in the rows read'),
    );
  });
  update();
  return h(
    'section',
    { class: 'source', 'aria-labelledby': id },
    h('h3', { id }, `${SOURCE_LABELS[source]}: `, quoted(choice.sheet)),
    guess.profile ? profileNote(guess) : null,
    gives,
    fields,
    status,
    h('h4', null, 'Preview'),
    preview,
    rowsNote(guess),
  );
}

/** A recognised export: its columns follow the vendor's layout, and the decisions its profile makes. */
function profileNote(guess: SheetGuess): HTMLElement {
  const p = guess.profile!;
  return h(
    'div',
    { class: 'note profile-note' },
    h('p', null, `Recognised as a ${p.name}: its columns are set from the export's layout. Change any that are wrong.`),
    h(
      'details',
      null,
      h('summary', null, 'How this export is read'),
      h(
        'ul',
        null,
        p.decisions.map((d) => h('li', null, d)),
      ),
    ),
  );
}

/** The first rows as they will be read, only the columns that have a role. */
function previewTable(guess: SheetGuess, choice: SourceChoice): HTMLElement {
  const used = choice.roles.flatMap((r, j) => (r ? [{ role: r, j }] : []));
  if (!used.length) return h('p', { class: 'hint' }, 'No columns chosen yet.');
  const rows = Math.min(PREVIEW_ROWS, guess.table.columns[0]?.length ?? 0);
  return h(
    'div',
    { class: 'preview', tabindex: '0', role: 'region', 'aria-label': `First rows of ${quoted(choice.sheet)}` },
    h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          used.map(({ role, j }) =>
            h(
              'th',
              { scope: 'col' },
              h('span', { class: 'th-role' }, shortRole(role)),
              h('span', { class: 'th-header' }, guess.table.headers[j]),
            ),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        Array.from({ length: rows }, (_, i) =>
          h(
            'tr',
            null,
            used.map(({ j }) => h('td', null, String(guess.table.columns[j]?.[i] ?? ''))),
          ),
        ),
      ),
    ),
  );
}

/** How many rows will be read, and which are left out and why (grouped by reason). */
function rowsNote(guess: SheetGuess): HTMLElement {
  const { dataRows, skipped } = guess.table;
  const groups = new Map<string, number[]>();
  for (const s of skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.row]);
  const rowsText = (rows: number[]) => {
    const shown = rows.slice(0, 5).map(count).join(', ');
    return rows.length === 1 ? `row ${shown}` : `rows ${shown}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}`;
  };
  return h(
    'div',
    { class: 'rows-note' },
    h('p', null, `${plural(dataRows, 'row')} will be read`, skipped.length ? `; ${count(skipped.length)} left out:` : '; none left out.'),
    skipped.length
      ? h(
          'ul',
          { class: 'skipped' },
          [...groups].map(([reason, rows]) => h('li', null, `${capital(rowsText(rows))}: ${reason}.`)),
        )
      : null,
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
