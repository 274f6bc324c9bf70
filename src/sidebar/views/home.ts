import type { AutomationStatus, BuildSummary, HomeInfo } from '../../rpc/contract';
import { h, plural, replace } from '../dom';
import { KIND_WORDS, type SheetGuess } from '../detect';
import { type CallError } from '../client';
import type { Session } from '../session';
import { button, confirmBox, errorBox, focusHeading, loading, quoted } from './common';
import { markReady } from '../ready';
import { showSheet } from './showSheet';
import { NEEDS_PERMISSION, UNAVAILABLE, actionWords, latestForms } from '../survey';
import { plansSection } from './goalsHome';

/**
 * Home: what Leadlag found in this spreadsheet and the next sensible step. It becomes usable as soon
 * as `home` answers; the sheets' column guesses (`readTables`) fill in the list when they arrive.
 */
export function renderHome(root: HTMLElement, session: Session): void {
  // Sheets titles the sidebar "Leadlag"; the page's heading names what this view is for screen readers.
  const heading = h('h1', { class: 'sr-only' }, 'Leadlag home');
  const body = h('div', null, loading('Looking at this spreadsheet…'));
  replace(root, heading, body);
  focusHeading(heading);

  const load = () => {
    replace(body, loading('Looking at this spreadsheet…'));
    session.client.call('home', {}).then(
      (info) => show(info),
      (e: CallError) => replace(body, errorBox(e.message, load)),
    );
  };

  const show = (info: HomeInfo) => {
    const tablesList = h('ul', { class: 'found', 'aria-busy': 'true' }, h('li', null, loading('Reading the sheets…')));
    const next = h('div', { class: 'next' });
    const surveysLine = foundLine('Surveys', 'none set up yet');
    const trackerLine = foundLine('Improvement tracker', 'none set up yet');
    const own = h(
      'ul',
      { class: 'found' },
      foundLine('Scorecard', info.scorecard ? `on the sheet ${quoted(info.scorecard.sheet)}` : 'not built yet'),
      surveysLine,
      trackerLine,
    );
    const surveyBox = h('div', { 'aria-busy': 'true' }, loading('Looking for a customer survey…'));
    const surveySection = h('section', { 'aria-labelledby': 'survey-h' }, h('h2', { id: 'survey-h' }, 'Customer survey'), surveyBox);
    // Goals that connect and the key-account plan: their own calls, filled in when they answer.
    const plans = plansSection(root, session);
    own.append(...plans.found);
    replace(
      body,
      h('section', { 'aria-labelledby': 'next-h' }, h('h2', { id: 'next-h', class: 'first' }, 'Next step'), next),
      surveySection,
      plans.section,
      h(
        'section',
        { 'aria-labelledby': 'found-h' },
        h('h2', { id: 'found-h' }, 'Found in ', quoted(info.spreadsheet)),
        h('h3', null, 'Your tables'),
        tablesList,
        h('h3', null, 'Made by Leadlag'),
        own,
      ),
      h('p', { class: 'hint' }, 'Leadlag only reads your sheets; it writes only the sheets it makes.'),
    );
    renderNext(next, info, null, session);
    markReady('home');
    // Surveys are a separate call (HomeInfo has no survey fields): a failure leaves the rest of Home as it is.
    session.client.call('automationStatus', {}).then(
      (status) => {
        surveyBox.setAttribute('aria-busy', 'false');
        renderSurvey(surveyBox, status, session);
        if (status.survey)
          replace(
            surveysLine.lastChild as Element,
            `${quoted(status.survey.title)} · ${plural(latestForms(status.survey).length, 'form')}`,
          );
        if (status.trackerSheet) replace(trackerLine.lastChild as Element, `on the sheet ${quoted(status.trackerSheet)}`);
        document.body.dataset.surveyAt = String(Math.round(performance.timeOrigin + performance.now()));
      },
      (e: CallError) => {
        surveyBox.setAttribute('aria-busy', 'false');
        replace(surveyBox, h('p', { class: 'hint' }, `Customer surveys are not available here: ${e.message}`));
        document.body.dataset.surveyAt = String(Math.round(performance.timeOrigin + performance.now()));
      },
    );
    session.tables().then(
      (guesses) => {
        tablesList.setAttribute('aria-busy', 'false');
        replace(tablesList, guesses.length ? guesses.map(foundItem) : h('li', null, 'No sheets with data yet.'));
        renderNext(next, info, guesses, session);
        document.body.dataset.tablesAt = String(Math.round(performance.timeOrigin + performance.now()));
      },
      (e: CallError) => {
        tablesList.setAttribute('aria-busy', 'false');
        replace(
          tablesList,
          h(
            'li',
            null,
            errorBox(e.message, () => session.go('home'), 'Leadlag could not read the sheets'),
          ),
        );
      },
    );
  };
  load();
}

function foundLine(name: string, what: string): HTMLElement {
  return h('li', null, h('span', { class: 'found-name' }, name), ' ', h('span', { class: 'found-what' }, what));
}

function foundItem(g: SheetGuess): HTMLElement {
  const what = g.table.problem
    ? `no table: ${g.table.problem}`
    : `${g.kind ? KIND_WORDS[g.kind] : 'a table Leadlag does not use yet'} · ${plural(g.table.dataRows, 'row')}`;
  return foundLine(g.table.sheet, what);
}

/** The customer survey: set one up, or what the one made looks like and a way to manage it. */
function renderSurvey(el: HTMLElement, s: AutomationStatus, session: Session): void {
  if (!s.available || s.needsPermission) {
    replace(el, h('p', { class: 'hint' }, s.available ? NEEDS_PERMISSION : UNAVAILABLE));
    return;
  }
  if (!s.survey) {
    replace(
      el,
      h(
        'p',
        null,
        'Ask each kind of customer how likely they are to refer you, how you compare and what to improve. Every unhappy answer becomes an action with an owner and a due date.',
      ),
      h(
        'div',
        { class: 'actions' },
        button('Set up a customer survey', () => session.go('survey')),
      ),
    );
    return;
  }
  const on = s.triggers.formSubmit && s.triggers.weekly;
  const off = !s.triggers.formSubmit && !s.triggers.weekly;
  replace(
    el,
    h('p', null, h('span', { class: 'found-name' }, quoted(s.survey.title))),
    h(
      'p',
      { class: 'hint' },
      `Created ${s.survey.createdAt} · ${plural(latestForms(s.survey).length, 'form')} · automation ${on ? 'on' : off ? 'off' : 'partly on'}`,
    ),
    s.actions ? h('p', { 'data-actions': '' }, actionWords(s.actions)) : null,
    s.errors.length ? h('p', { class: 'hint' }, `${plural(s.errors.length, 'recent problem')}: see Manage survey.`) : null,
    s.failed.length
      ? h(
          'p',
          { class: 'note' },
          `${plural(s.failed.length, 'response')} could not be written and wait${s.failed.length === 1 ? 's' : ''} for a retry: see Manage survey.`,
        )
      : null,
    s.survey.forms.some((f) => f.run === s.survey!.run && f.problem)
      ? h('p', { class: 'note' }, 'The answers to a form do not arrive: see Manage survey.')
      : null,
    s.survey.oldReviews
      ? h(
          'p',
          { class: 'hint' },
          `${plural(s.survey.oldReviews.count, 'older low-star review')} wait${s.survey.oldReviews.count === 1 ? 's' : ''} for your choice: see Manage survey.`,
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      button('Manage survey', () => session.go('survey')),
    ),
  );
}

/** The one sensible next step, with its button first. */
function renderNext(el: HTMLElement, info: HomeInfo, guesses: SheetGuess[] | null, session: Session): void {
  const build = button('Build scorecard', () => session.go('wizard'), 'primary');
  if (info.scorecard) {
    const sheet = info.scorecard.sheet;
    const status = h('div', { role: 'status', class: 'status' });
    const rebuild = button('Rebuild', () => rebuildNow(session, rebuild, status), 'secondary');
    replace(
      el,
      h(
        'p',
        null,
        `Your scorecard is on the sheet ${quoted(sheet)}. Paste new rows under your data and its numbers update by themselves. Rebuild it after adding columns, or change its measures and targets.`,
      ),
      h(
        'div',
        { class: 'actions' },
        button('Show scorecard', () => showSheet(session, sheet, status), 'primary'),
        button('Change scorecard', () => session.go('wizard')),
        rebuild,
      ),
      status,
    );
    return;
  }
  if (!guesses) {
    replace(
      el,
      h('p', null, 'Build a lead/lag scorecard from your sales and customer feedback sheets in four short steps.'),
      h('div', { class: 'actions' }, build),
    );
    return;
  }
  const named = (kind: 'sales' | 'feedback' | 'reviews') => guesses.filter((g) => g.kind === kind).map((g) => quoted(g.table.sheet));
  const sales = named('sales');
  const feedback = named('feedback');
  if (!sales.length && !feedback.length) {
    replace(
      el,
      h(
        'p',
        null,
        'Leadlag found no sales or feedback table yet. Paste an export into a sheet (a header row, then one row per order or answer), then look again.',
      ),
      h(
        'div',
        { class: 'actions' },
        button(
          'Look again',
          () => {
            session.forgetTables();
            session.go('home');
          },
          'primary',
        ),
        button('Build scorecard anyway', () => session.go('wizard')),
      ),
    );
    return;
  }
  const found = [sales.length ? `sales in ${sales.join(', ')}` : '', feedback.length ? `feedback in ${feedback.join(', ')}` : '']
    .filter(Boolean)
    .join(' and ');
  replace(
    el,
    h('p', null, `Build your lead/lag scorecard: Leadlag found ${found}. Four short steps, and you confirm everything it guessed.`),
    h('div', { class: 'actions' }, build),
  );
}

let rebuilding = false;

async function rebuildNow(session: Session, btn: HTMLButtonElement, status: HTMLElement): Promise<void> {
  if (rebuilding) return;
  rebuilding = true;
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  replace(status, loading('Rebuilding the scorecard…'));
  const finish = () => {
    rebuilding = false;
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
  };
  const rebuild = async (force: boolean): Promise<void> => {
    try {
      const r: BuildSummary = await session.client.call('rebuildScorecard', { force });
      if (r.confirm) {
        // A rebuild would remove cells the manager added: ask first (targets and notes are kept anyway).
        replace(
          status,
          confirmBox(
            r.confirm.message,
            'Rebuild anyway',
            () => {
              replace(status, loading('Rebuilding the scorecard…'));
              void rebuild(true);
            },
            () => {
              replace(status, 'Not rebuilt: nothing was changed.');
              finish();
              btn.focus();
            },
          ),
        );
        return;
      }
      const problems = r.problems.length
        ? ` ${plural(r.problems.length, 'measure')} could not be counted: ${r.problems.map((p) => `${p.label} (${p.problem})`).join('; ')}.`
        : '';
      replace(status, `Rebuilt ${quoted(r.sheet)} with ${plural(r.measures.length, 'measure')}.${problems}`);
    } catch (e) {
      replace(status, errorBox((e as Error).message));
    }
    finish();
  };
  await rebuild(false);
}
