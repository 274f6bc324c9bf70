import type { GoalsBuilt, GoalsPreview, GoalsSetup } from '../../rpc/contract';
import { GOAL_ROLES, GOAL_ROLE_LABELS, REQUIRED_GOAL_ROLES, STALE_DAYS, type GoalRole, guessGoalColumns } from '../../core/goals/columns';
import type { GoalsDefinitionInput } from '../../core/goals/definition';
import { h, plural, replace, uid } from '../dom';
import type { SheetGuess } from '../detect';
import type { CallError } from '../client';
import type { Session } from '../session';
import { markReady } from '../ready';
import { button, callButton, focusHeading, quoted } from './common';
import { showSheet } from './showSheet';
import { buildArea, loadFailed, runSteps, selectField, viewFrame, type Stepper } from './goalsCommon';

/**
 * Goals that connect: a three-step wizard over the manager's own goals table (objectives and key results,
 * each naming the goal it contributes to). 1: the sheet; 2: what each column holds, checked by the server
 * as a build would read it (IDs, parents, loops, unreadable cells, each with its row); 3: the tree it
 * makes, then Build. The definition becomes the server's only when Build is pressed.
 */
interface GoalsDraft {
  sheet: string;
  /** Role of each column of the chosen sheet (index as in its headers). */
  roles: (GoalRole | null)[];
  staleDays: string;
}

function looksLikeGoals(g: SheetGuess): boolean {
  const roles = new Set(guessGoalColumns(g.table.headers));
  return REQUIRED_GOAL_ROLES.every((r) => roles.has(r));
}

function rolesOf(g: SheetGuess | undefined, stored: GoalsSetup['stored']): (GoalRole | null)[] {
  if (!g) return [];
  const headers = g.table.headers;
  if (stored && stored.source.sheet === g.table.sheet) {
    const norm = (s: string) => s.trim().toLowerCase();
    return headers.map((hd) => (Object.entries(stored.source.columns).find(([, x]) => x && norm(x) === norm(hd))?.[0] as GoalRole) ?? null);
  }
  return guessGoalColumns(headers);
}

export function toGoalsDefinition(draft: GoalsDraft, guess: SheetGuess | undefined): GoalsDefinitionInput {
  const columns: Record<string, string> = {};
  draft.roles.forEach((r, j) => {
    if (r && guess) columns[r] = guess.table.headers[j];
  });
  const days = Number(draft.staleDays);
  return { version: 1, source: { sheet: draft.sheet, columns }, staleDays: Number.isFinite(days) ? days : STALE_DAYS };
}

/** The goals wizard, opened from Home. */
export function renderGoals(root: HTMLElement, session: Session): void {
  const { heading, body } = viewFrame(root, 'Goals that connect', 'Reading the sheets…');
  const load = () => {
    replace(body, h('p', null, 'Reading the sheets…'));
    Promise.all([session.tables(), session.client.call('goalsSetup', {})]).then(
      ([guesses, setup]) => start(guesses, setup),
      (e: CallError) => loadFailed(body, session, e.message, load, 'goals-error'),
    );
  };
  const start = (guesses: SheetGuess[], setup: GoalsSetup) => {
    const usable = guesses.filter((g) => !g.table.problem && g.table.headers.length);
    const first = setup.stored?.source.sheet ?? usable.find(looksLikeGoals)?.table.sheet ?? usable[0]?.table.sheet ?? '';
    const guessOf = (sheet: string) => usable.find((g) => g.table.sheet === sheet);
    const draft: GoalsDraft = {
      sheet: first,
      roles: rolesOf(guessOf(first), setup.stored),
      staleDays: String(setup.stored?.staleDays ?? STALE_DAYS),
    };
    let preview: GoalsPreview | null = null;

    const sheetStep = (): HTMLElement => {
      if (!usable.length)
        return h(
          'p',
          null,
          'Leadlag found no table in this spreadsheet. Paste your goals into a sheet first: a header row, then one row per goal.',
        );
      const describe = (sheet: string) => {
        const g = guessOf(sheet);
        if (!g) return '';
        return `${plural(g.table.dataRows, 'row')}; ${looksLikeGoals(g) ? 'looks like a goals table.' : 'its headers do not say ID, goal and parent: check its columns in the next step.'}`;
      };
      const field = selectField(
        'Your goals table',
        usable.map((g) => ({ value: g.table.sheet, label: `${g.table.sheet}${looksLikeGoals(g) ? ' (looks like goals)' : ''}` })),
        draft.sheet,
        (v) => {
          draft.sheet = v;
          draft.roles = rolesOf(guessOf(v), setup.stored);
          replace(field.hint, describe(v));
        },
        describe(draft.sheet),
      );
      if (!draft.sheet) draft.sheet = field.select.value;
      return h(
        'div',
        null,
        h(
          'p',
          null,
          'Choose the sheet where you keep your objectives and key results: one row per goal, each with an ID and the ID of the goal it contributes to (blank for a company objective).',
        ),
        field.el,
        h(
          'p',
          { class: 'hint' },
          'A key result has a start, a target and either a current value you type or a scorecard measure (such as nps or on_time): then its current value is live.',
        ),
      );
    };

    const columnsStep = (): HTMLElement => {
      const g = guessOf(draft.sheet);
      if (!g) return h('p', null, 'Choose a sheet first.');
      if (draft.roles.length !== g.table.headers.length) draft.roles = rolesOf(g, setup.stored);
      const status = h('p', { class: 'hint', role: 'status' });
      const selects: HTMLSelectElement[] = [];
      const fields = g.table.headers.map((header, j) => {
        const id = uid('goal-col');
        const examples = (g.table.columns[j] ?? [])
          .filter((v) => v !== '')
          .slice(0, 2)
          .map(String);
        const select = h(
          'select',
          { id, 'aria-describedby': `${id}-eg` },
          h('option', { value: '' }, 'Not used'),
          GOAL_ROLES.map((r) => h('option', { value: r }, GOAL_ROLE_LABELS[r])),
        );
        select.value = draft.roles[j] ?? '';
        select.addEventListener('change', () => {
          const role = (GOAL_ROLES as readonly string[]).includes(select.value) ? (select.value as GoalRole) : null;
          const before = role ? draft.roles.findIndex((r, k) => r === role && k !== j) : -1;
          if (before >= 0) {
            draft.roles[before] = null;
            selects[before].value = '';
            replace(status, `${quoted(g.table.headers[before])} is now Not used: ${GOAL_ROLE_LABELS[role!]} is ${quoted(header)}.`);
          } else replace(status);
          draft.roles[j] = role;
          preview = null;
        });
        selects.push(select);
        return h(
          'div',
          { class: 'field col-field' },
          h('label', { for: id, title: header }, header),
          select,
          h('p', { class: 'hint example', id: `${id}-eg` }, examples.length ? `e.g. ${examples.join(' · ')}` : 'empty in the rows read'),
        );
      });
      const daysId = uid('stale');
      const days = h('input', {
        id: daysId,
        type: 'number',
        min: '1',
        max: '365',
        value: draft.staleDays,
        'aria-describedby': `${daysId}-hint`,
      });
      days.addEventListener('input', () => (draft.staleDays = days.value));
      return h(
        'div',
        null,
        h(
          'p',
          null,
          `What each column of ${quoted(g.table.sheet)} holds: Leadlag guessed from the headers. Columns marked “Not used” are left alone.`,
        ),
        fields,
        status,
        h(
          'div',
          { class: 'field' },
          h('label', { for: daysId }, 'Days without an update before a key result is flagged'),
          days,
          h(
            'p',
            { class: 'hint', id: `${daysId}-hint` },
            'OKRs are abandoned when nobody updates them; 21 days is three weekly check-ins missed.',
          ),
        ),
      );
    };

    const checkColumns = async (): Promise<string[]> => {
      const found: string[] = [];
      for (const r of REQUIRED_GOAL_ROLES)
        if (!draft.roles.includes(r)) found.push(`Choose the column that holds the ${GOAL_ROLE_LABELS[r]}.`);
      if (!draft.roles.includes('kind') && !draft.roles.includes('target'))
        found.push('Choose the column of the Type (objective or key result), or of the Target.');
      const d = Number(draft.staleDays);
      if (!Number.isInteger(d) || d < 1 || d > 365) found.push('Days without an update: give a whole number from 1 to 365.');
      if (found.length) return found;
      preview = await session.client.call('previewGoals', { definition: toGoalsDefinition(draft, guessOf(draft.sheet)) });
      return preview.problems.filter((p) => p.blocking).map((p) => p.message);
    };

    const buildStep = (): HTMLElement => {
      const p = preview!;
      const tree = h(
        'ul',
        { class: 'found', 'aria-label': 'Your goals, each under the one it contributes to' },
        p.goals.map((g) =>
          h(
            'li',
            { style: `margin-left: ${g.depth * 12}px` },
            h('span', { class: 'found-name' }, `${g.id} `),
            g.title || '(no words)',
            h(
              'span',
              { class: 'hint' },
              ` · ${g.level}${g.measure ? ` · ${g.measure}${g.onScorecard ? ' (live)' : ' (not on the scorecard yet)'}` : g.level === 'Key result' ? ' · typed' : ''}`,
            ),
          ),
        ),
      );
      const notes = p.problems.filter((x) => !x.blocking);
      const live = p.goals.filter((g) => g.measure);
      const off = live.filter((g) => !g.onScorecard);
      return h(
        'div',
        null,
        h(
          'p',
          null,
          `${plural(p.objectives, 'objective')} and ${plural(p.keyResults, 'key result')}; ${plural(live.length, 'key result')} tied to a scorecard measure.`,
        ),
        tree,
        off.length
          ? h(
              'div',
              { class: 'note' },
              h(
                'p',
                null,
                setup.scorecard
                  ? `The scorecard does not show ${[...new Set(off.map((g) => g.measure))].join(', ')}: add them to it (Change scorecard) and those key results become live.`
                  : 'Build the scorecard too: key results tied to its measures take their current value from it.',
              ),
            )
          : null,
        notes.length
          ? h(
              'div',
              { class: 'note' },
              h('p', null, 'Worth a look (the build goes ahead):'),
              h(
                'ul',
                null,
                notes.map((n) => h('li', null, n.message)),
              ),
            )
          : null,
        h(
          'p',
          null,
          'Leadlag builds the Goals sheet on its own sheet, with a Goal check-ins sheet for the weekly history. Your goals table is only read.',
        ),
        buildArea<GoalsBuilt>(
          'Build goals sheet',
          'Building the goals sheet',
          (force) => session.client.call('buildGoals', { definition: toGoalsDefinition(draft, guessOf(draft.sheet)), force }),
          (r) => built(root, session, r, stepper),
          stepper,
          'The goals sheet was not built',
        ),
      );
    };

    const stepper: Stepper = runSteps(body, {
      label: 'Goals steps',
      ready: 'goals',
      leave: () => session.go('home'),
      steps: [
        { title: 'Goals table', render: sheetStep, check: () => (draft.sheet ? [] : ['Choose the sheet that holds your goals.']) },
        { title: 'Columns', render: columnsStep, check: checkColumns },
        { title: 'Check and build', render: buildStep },
      ],
    });
    void heading;
  };
  load();
}

function built(root: HTMLElement, session: Session, r: GoalsBuilt, stepper: Stepper): void {
  stepper.hideNav();
  const title = h('h2', { class: 'result-title' }, 'Goals sheet built');
  const status = h('div', { role: 'status', class: 'status' });
  replace(
    root,
    h('h1', null, 'Goals that connect'),
    h(
      'div',
      { class: 'result' },
      title,
      h(
        'p',
        null,
        `The sheet ${quoted(r.sheet)} scores ${plural(r.objectives, 'objective')} and ${plural(r.keyResults, 'key result')} up the tree, each with its chain to the company goal. ` +
          (r.live
            ? `${plural(r.live, 'key result')} ${r.live === 1 ? 'is' : 'are'} live from ${r.scorecard ? quoted(r.scorecard) : 'the scorecard'}.`
            : ''),
      ),
      r.notOnScorecard.length
        ? h(
            'p',
            { class: 'note' },
            `Not on the scorecard yet: ${r.notOnScorecard.join(', ')}. Add them to it and those key results become live.`,
          )
        : null,
      h(
        'p',
        { class: 'hint' },
        `Each week, type a confidence and a comment beside each key result, then record the check-in: ${quoted(r.history)} keeps the history.`,
      ),
      h(
        'div',
        { class: 'actions' },
        button(`Show ${quoted(r.sheet)}`, () => void showSheet(session, r.sheet, status), 'primary'),
        checkInButton(session, status),
        button('Done', () => session.go('home')),
      ),
      status,
    ),
  );
  focusHeading(title);
  // Bring the new sheet to the front, as a build of the scorecard does.
  void showSheet(session, r.sheet, status).then(() => markReady('goals-built'));
}

/** Record this week's check-in (the Goals sheet's confidence and comments become history). */
export function checkInButton(session: Session, status: HTMLElement): HTMLButtonElement {
  return callButton('Record this week’s check-in', 'secondary', status, 'Recording the check-in…', async () => {
    const c = await session.client.call('recordCheckIn', {});
    await session.client.showSheet(c.sheet).catch(() => undefined);
    replace(
      status,
      `Recorded ${plural(c.recorded, 'goal')} for ${c.week} on ${quoted(c.sheet)}` +
        `${c.replaced ? ` (${c.replaced} replaced this week’s earlier check-in)` : ''}; ${plural(c.withConfidence, 'goal')} with a confidence.` +
        (c.note ? ` ${c.note}` : ''),
    );
  });
}
