import type { AccountsBuilt, AccountsSetup } from '../../rpc/contract';
import type { AccountsDefinition, AccountsDefinitionInput, AttentionKind } from '../../core/accounts/definition';
import type { SourceRefDef } from '../../core/scorecard/definition';
import { riskComment } from '../../core/accounts/columns';
import type { Role } from '../../core/tables/roles';
import { sourceRefFor } from '../../core/tables/profiles/setup';
import { h, plural, replace, uid } from '../dom';
import type { SheetGuess } from '../detect';
import type { CallError } from '../client';
import type { Session } from '../session';
import { markReady } from '../ready';
import { button, focusHeading, quoted } from './common';
import { showSheet } from './showSheet';
import { buildArea, loadFailed, runSteps, selectField, viewFrame, type Stepper } from './goalsCommon';

/**
 * The key-account plan: three steps. 1: the sales (customer, amount, date, order) and the survey answers
 * (customer, date, referral score, comparison, comment), from the scorecard's choices where there are some;
 * 2: what counts as attention (tracker actions, survey responses, hours or visits typed on the plan, a
 * sheet of yours) and the periods the revenue trend compares; 3: Build.
 */
interface SourceDraft {
  sheet: string;
  columns: Partial<Record<Role, string>>;
  rules?: SourceRefDef['rules'];
  filters?: readonly string[];
}

interface AccountsDraft {
  sales: SourceDraft;
  answers: SourceDraft | null;
  attention: { kind: AttentionKind; sheet: string; customer: string; amount: string };
  period: 'week' | 'month' | 'quarter';
}

const SALES_COLUMNS: readonly { role: Role; label: string; optional?: boolean }[] = [
  { role: 'customer', label: 'Customer' },
  { role: 'amount', label: 'Sales amount (revenue)' },
  { role: 'date', label: 'Date' },
  { role: 'order_id', label: 'Order or invoice number', optional: true },
];
const ANSWER_COLUMNS: readonly { role: Role; label: string; optional?: boolean }[] = [
  { role: 'customer', label: 'Customer' },
  { role: 'date', label: 'Date answered', optional: true },
  { role: 'referral_score', label: 'Referral score (0 to 10)', optional: true },
  { role: 'comparison', label: 'Compared with others (better / same / worse)', optional: true },
  { role: 'comment', label: 'Comment shown beside a risk', optional: true },
];

/**
 * A sheet's draft from its guess: the plan's columns, and the rules its export's profile (or a status
 * column) reads it by, as the scorecard's wizard writes them (a Typeform export's partial responses out).
 */
export function fromGuess(g: SheetGuess, roles: readonly Role[]): SourceDraft {
  const mapping: Partial<Record<Role, number>> = {};
  g.roles.forEach((r, j) => {
    if (r && mapping[r] === undefined) mapping[r] = j;
  });
  const { rules, filters } = sourceRefFor(g.table.sheet, g.table, mapping, g.table.columns);
  const columns: Partial<Record<Role, string>> = {};
  g.roles.forEach((r, j) => {
    if (r && roles.includes(r) && !columns[r] && r !== 'comment') columns[r] = g.table.headers[j];
  });
  if (roles.includes('comment')) {
    const comments = g.roles.flatMap((r, j) => (r === 'comment' ? [j] : []));
    const j = riskComment(g.table.headers, comments);
    if (j !== null) columns.comment = g.table.headers[j];
  }
  return { sheet: g.table.sheet, columns, ...(rules ? { rules } : {}), ...(filters ? { filters } : {}) };
}

function initial(setup: AccountsSetup, guesses: SheetGuess[]): AccountsDraft {
  const start: AccountsDefinition | null = setup.stored ?? setup.suggested;
  const sales =
    start?.sales ??
    (() => {
      const g = guesses.find((x) => x.kind === 'sales');
      return g ? fromGuess(g, ['customer', 'amount', 'date', 'order_id']) : { sheet: '', columns: {} };
    })();
  const answers =
    start?.answers ??
    (() => {
      const g = guesses.find((x) => x.kind === 'feedback' && x.roles.includes('customer'));
      return g ? fromGuess(g, ['customer', 'date', 'referral_score', 'comparison', 'comment']) : null;
    })();
  const a = start?.attention;
  return {
    sales: { ...sales, columns: { ...sales.columns } },
    answers: answers ? { ...answers, columns: { ...answers.columns } } : null,
    attention: {
      kind: a?.kind ?? (answers ? 'responses' : setup.tracker ? 'actions' : 'typed'),
      sheet: a?.sheet ?? '',
      customer: a?.customer ?? '',
      amount: a?.amount ?? '',
    },
    period: start?.period ?? 'month',
  };
}

export function toAccountsDefinition(d: AccountsDraft): AccountsDefinitionInput {
  const ref = (s: SourceDraft) => ({
    sheet: s.sheet,
    columns: Object.fromEntries(Object.entries(s.columns).filter(([, v]) => v)),
    ...(s.rules ? { rules: s.rules } : {}),
    ...(s.filters ? { filters: [...s.filters] } : {}),
  });
  const a = d.attention;
  return {
    version: 1,
    period: d.period,
    sales: ref(d.sales),
    ...(d.answers && d.answers.sheet ? { answers: ref(d.answers) } : {}),
    attention:
      a.kind === 'sheet'
        ? { kind: a.kind, sheet: a.sheet, customer: a.customer, ...(a.amount ? { amount: a.amount } : {}) }
        : { kind: a.kind },
  };
}

export function renderAccounts(root: HTMLElement, session: Session): void {
  const { body } = viewFrame(root, 'Key-account plan', 'Reading the sheets…');
  const load = () => {
    Promise.all([session.tables(), session.client.call('accountsSetup', {})]).then(
      ([guesses, setup]) => start(guesses, setup),
      (e: CallError) => loadFailed(body, session, e.message, load, 'accounts-error'),
    );
  };
  const start = (guesses: SheetGuess[], setup: AccountsSetup) => {
    const usable = guesses.filter((g) => !g.table.problem && g.table.headers.length);
    const guessOf = (sheet: string) => usable.find((g) => g.table.sheet === sheet);
    const draft = initial(setup, usable);

    const columnSelects = (s: SourceDraft, list: typeof SALES_COLUMNS, what: string): HTMLElement => {
      const g = guessOf(s.sheet);
      if (!g) return h('p', { class: 'hint' }, s.sheet ? `${quoted(s.sheet)} has no table Leadlag can read.` : '');
      return h(
        'fieldset',
        null,
        h('legend', null, `Columns of ${quoted(s.sheet)}`),
        list.map(
          (c) =>
            selectField(
              `${c.label} (${what})`,
              [{ value: '', label: c.optional ? 'None' : 'Choose a column' }, ...g.table.headers.map((x) => ({ value: x, label: x }))],
              s.columns[c.role] ?? '',
              (v) => {
                if (v) s.columns[c.role] = v;
                else delete s.columns[c.role];
              },
            ).el,
        ),
      );
    };

    const sourcesStep = (): HTMLElement => {
      const salesCols = h('div', null);
      const answerCols = h('div', null);
      const drawSales = () => replace(salesCols, columnSelects(draft.sales, SALES_COLUMNS, 'sales'));
      const drawAnswers = () => replace(answerCols, draft.answers ? columnSelects(draft.answers, ANSWER_COLUMNS, 'answers') : null);
      const sheets = usable.map((g) => ({ value: g.table.sheet, label: g.table.sheet }));
      const salesSheet = selectField('Sales sheet', [{ value: '', label: 'Choose a sheet' }, ...sheets], draft.sales.sheet, (v) => {
        const g = guessOf(v);
        draft.sales = g ? fromGuess(g, ['customer', 'amount', 'date', 'order_id']) : { sheet: v, columns: {} };
        drawSales();
      });
      const answersSheet = selectField(
        'Survey answers sheet',
        [{ value: '', label: 'None' }, ...sheets],
        draft.answers?.sheet ?? '',
        (v) => {
          const g = guessOf(v);
          draft.answers = g ? fromGuess(g, ['customer', 'date', 'referral_score', 'comparison', 'comment']) : null;
          if (!draft.answers && draft.attention.kind === 'responses') draft.attention.kind = setup.tracker ? 'actions' : 'typed';
          drawAnswers();
        },
        'Their answers tell which accounts are at risk (a referral score of 6 or less, or “worse than others”).',
      );
      drawSales();
      drawAnswers();
      return h(
        'div',
        null,
        h(
          'p',
          null,
          'The plan ranks your customers by revenue and sets each one’s attention against its share. Leadlag chose what the scorecard reads; change anything that is wrong.',
        ),
        salesSheet.el,
        salesCols,
        answersSheet.el,
        answerCols,
      );
    };
    const checkSources = (): string[] => {
      const found: string[] = [];
      if (!draft.sales.sheet) found.push('Choose the sales sheet.');
      for (const c of SALES_COLUMNS)
        if (!c.optional && !draft.sales.columns[c.role]) found.push(`Choose the sales column of the ${c.label}.`);
      if (draft.answers) {
        if (!draft.answers.columns.customer) found.push('Choose the answers column of the customer, or no answers sheet.');
        if (!draft.answers.columns.referral_score && !draft.answers.columns.comparison)
          found.push('Choose the answers column of the referral score or of the comparison.');
      }
      return found;
    };

    const attentionStep = (): HTMLElement => {
      const name = uid('attention');
      const sheetBox = h('div', null);
      const drawSheet = () => {
        if (draft.attention.kind !== 'sheet') return replace(sheetBox);
        const g = guessOf(draft.attention.sheet);
        const headers = g ? g.table.headers.map((x) => ({ value: x, label: x })) : [];
        replace(
          sheetBox,
          selectField(
            'Sheet of contacts or visits',
            [{ value: '', label: 'Choose a sheet' }, ...usable.map((x) => ({ value: x.table.sheet, label: x.table.sheet }))],
            draft.attention.sheet,
            (v) => {
              draft.attention.sheet = v;
              const gg = guessOf(v);
              draft.attention.customer = gg ? (gg.table.headers[gg.roles.indexOf('customer')] ?? '') : '';
              draft.attention.amount = '';
              drawSheet();
            },
          ).el,
          g
            ? selectField(
                'Its customer column',
                [{ value: '', label: 'Choose a column' }, ...headers],
                draft.attention.customer,
                (v) => (draft.attention.customer = v),
              ).el
            : null,
          g
            ? selectField(
                'Its hours or visits column',
                [{ value: '', label: 'None: each row counts 1' }, ...headers],
                draft.attention.amount,
                (v) => (draft.attention.amount = v),
              ).el
            : null,
        );
      };
      const choices: { kind: AttentionKind; label: string; hint: string; off?: string }[] = [
        {
          kind: 'responses',
          label: 'Survey responses',
          hint: 'Each answer from the customer counts 1: how often you hear from them.',
          off: draft.answers ? undefined : 'Choose a survey answers sheet in step 1 first.',
        },
        {
          kind: 'actions',
          label: 'Actions on the improvement tracker',
          hint: setup.tracker
            ? `Each action naming the customer counts 1 (${plural(setup.tracker.actions, 'action')} on ${quoted(setup.tracker.sheet)}).`
            : '',
          off: setup.tracker ? undefined : 'There is no improvement tracker yet: set up a customer survey first.',
        },
        {
          kind: 'typed',
          label: 'Hours or visits you type on the plan',
          hint: 'The plan gets a column for them; what you type is kept when it is rebuilt.',
        },
        {
          kind: 'sheet',
          label: 'A sheet of yours (a contact or visit log)',
          hint: 'Each row naming the customer counts 1, or the hours in one of its columns.',
        },
        { kind: 'none', label: 'Nothing', hint: 'Tiers, risk and the plan columns only.' },
      ];
      const radios = choices.map((c) => {
        const id = `${name}-${c.kind}`;
        const input = h('input', {
          type: 'radio',
          name,
          id,
          value: c.kind,
          checked: draft.attention.kind === c.kind,
          disabled: !!c.off,
          'aria-describedby': `${id}-hint`,
        });
        input.addEventListener('change', () => {
          if (!input.checked) return;
          draft.attention.kind = c.kind;
          drawSheet();
        });
        return h(
          'div',
          { class: 'radio-choice' },
          h('span', { class: 'radio' }, input, h('label', { for: id }, c.label)),
          h('p', { class: 'hint', id: `${id}-hint` }, c.off ?? c.hint),
        );
      });
      drawSheet();
      const periodName = uid('period');
      const periods = (['month', 'quarter', 'week'] as const).map((p) => {
        const id = `${periodName}-${p}`;
        const input = h('input', { type: 'radio', name: periodName, id, value: p, checked: draft.period === p });
        input.addEventListener('change', () => input.checked && (draft.period = p));
        return h('span', { class: 'radio' }, input, h('label', { for: id }, p.charAt(0).toUpperCase() + p.slice(1)));
      });
      return h(
        'div',
        null,
        h('p', null, 'Ensure your best customers get the best of you: what counts as the attention an account gets?'),
        h('fieldset', null, h('legend', null, 'Attention counted from'), h('div', { class: 'radios stacked' }, radios), sheetBox),
        h(
          'fieldset',
          null,
          h('legend', null, 'Revenue trend by'),
          h('div', { class: 'radios' }, periods),
          h(
            'p',
            { class: 'hint' },
            'An account is at risk when its last 3 complete periods fell below the 3 before by more than its routine variation.',
          ),
        ),
      );
    };
    const checkAttention = (): string[] => {
      const a = draft.attention;
      if (a.kind === 'responses' && !draft.answers)
        return ['Survey responses need the answers sheet: choose it in step 1, or count attention another way.'];
      if (a.kind === 'actions' && !setup.tracker) return ['There is no improvement tracker yet: count attention another way.'];
      if (a.kind === 'sheet' && (!a.sheet || !a.customer)) return ['Choose the sheet of contacts or visits and its customer column.'];
      return [];
    };

    const buildStep = (): HTMLElement => {
      const a = draft.attention;
      return h(
        'div',
        null,
        h(
          'dl',
          { class: 'summary' },
          h('dt', null, 'Sales'),
          h('dd', null, quoted(draft.sales.sheet)),
          h('dt', null, 'Answers'),
          h('dd', null, draft.answers ? quoted(draft.answers.sheet) : 'none'),
          h('dt', null, 'Attention'),
          h(
            'dd',
            null,
            a.kind === 'sheet'
              ? `rows of ${quoted(a.sheet)}`
              : { responses: 'survey responses', actions: 'tracker actions', typed: 'hours or visits you type', none: 'not counted' }[
                  a.kind
                ],
          ),
          h('dt', null, 'Revenue trend'),
          h('dd', null, `by ${draft.period}`),
        ),
        h(
          'p',
          null,
          'Leadlag builds the plan on its own sheet; your sheets are only read. The plan columns (owner, desired result, next review, next action) are yours to fill in.',
        ),
        buildArea<AccountsBuilt>(
          'Build the plan',
          'Building the key-account plan',
          (force) => session.client.call('buildAccounts', { definition: toAccountsDefinition(draft), force }),
          (r) => built(root, session, r, stepper),
          stepper,
          'The key-account plan was not built',
        ),
      );
    };

    const stepper: Stepper = runSteps(body, {
      label: 'Key-account plan steps',
      ready: 'accounts',
      leave: () => session.go('home'),
      steps: [
        { title: 'Sales and answers', render: sourcesStep, check: checkSources },
        { title: 'Attention', render: attentionStep, check: checkAttention },
        { title: 'Build', render: buildStep },
      ],
    });
  };
  load();
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);

function built(root: HTMLElement, session: Session, r: AccountsBuilt, stepper: Stepper): void {
  stepper.hideNav();
  const title = h('h2', { class: 'result-title' }, 'Key-account plan built');
  const status = h('div', { role: 'status', class: 'status' });
  replace(
    root,
    h('h1', null, 'Key-account plan'),
    h(
      'div',
      { class: 'result' },
      title,
      h('p', null, `The sheet ${quoted(r.sheet)} lists ${plural(r.accounts, 'account')} from the largest. ${r.attention}`),
      h(
        'ul',
        { class: 'found', 'aria-label': 'Tiers' },
        r.tiers.map((t) =>
          h(
            'li',
            null,
            h('span', { class: 'found-name' }, `Tier ${t.tier}`),
            ` ${plural(t.accounts, 'account')}: ${pct(t.share)} of revenue, ${pct(t.attentionShare)} of attention`,
          ),
        ),
      ),
      r.atRiskCount
        ? h(
            'div',
            { class: 'note' },
            h(
              'p',
              null,
              `${plural(r.atRiskCount, 'key account')} at risk${r.atRiskCount > r.atRisk.length ? `; the largest ${r.atRisk.length}` : ''}:`,
            ),
            h(
              'ul',
              null,
              r.atRisk.map((a) => h('li', null, h('span', { class: 'found-name' }, a.customer), ` (tier ${a.tier}): ${a.why}`)),
            ),
          )
        : h('p', null, 'No tier A or B account is at risk.'),
      r.starved || r.overServed
        ? h(
            'p',
            null,
            `${plural(r.starved, 'account')} get far less attention than their share, ${plural(r.overServed, 'account')} far more: see the plan.`,
          )
        : null,
      h(
        'p',
        { class: 'hint' },
        'Fill in each account’s owner, desired result, next review and next action on the sheet: they are kept when it is rebuilt.',
      ),
      h(
        'div',
        { class: 'actions' },
        button(`Show ${quoted(r.sheet)}`, () => void showSheet(session, r.sheet, status), 'primary'),
        button('Done', () => session.go('home')),
      ),
      status,
    ),
  );
  focusHeading(title);
  // Bring the new sheet to the front, as a build of the scorecard does.
  void showSheet(session, r.sheet, status).then(() => markReady('accounts-built'));
}
