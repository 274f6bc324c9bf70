import type { AccountsSetup, GoalsBuilt, AccountsBuilt, GoalsSetup } from '../../rpc/contract';
import { h, replace } from '../dom';
import type { CallError } from '../client';
import type { Session } from '../session';
import { button, confirmBox, errorBox, loading, quoted } from './common';
import { showSheet } from './showSheet';
import { checkInButton, renderGoals } from './goals';
import { renderAccounts } from './accounts';

/**
 * Home's entries for goals that connect and the key-account plan: set one up, or show, check in, change
 * and rebuild the one built. Filled in when their two calls answer; a failure leaves the rest of Home as it is.
 */
export function plansSection(root: HTMLElement, session: Session): { section: HTMLElement; found: HTMLElement[] } {
  const goalsBox = h('div', { 'aria-busy': 'true' }, loading('Looking for goals…'));
  const accountsBox = h('div', { 'aria-busy': 'true' }, loading('Looking for a key-account plan…'));
  const line = (name: string) => h('li', null, h('span', { class: 'found-name' }, name), ' ', h('span', { class: 'found-what' }, '…'));
  const goalsLine = line('Goals');
  const accountsLine = line('Key-account plan');
  const section = h(
    'section',
    { 'aria-labelledby': 'plans-h' },
    h('h2', { id: 'plans-h' }, 'Goals and key accounts'),
    h('h3', null, 'Goals that connect'),
    goalsBox,
    h('h3', null, 'Key-account plan'),
    accountsBox,
  );
  const what = (li: HTMLElement, text: string) => replace(li.lastChild as Element, text);
  session.client.call('goalsSetup', {}).then(
    (g) => {
      goalsBox.setAttribute('aria-busy', 'false');
      renderGoalsEntry(goalsBox, g, root, session);
      what(goalsLine, g.sheet ? `on the sheet ${quoted(g.sheet)}` : 'none yet');
    },
    (e: CallError) => {
      goalsBox.setAttribute('aria-busy', 'false');
      replace(goalsBox, h('p', { class: 'hint' }, `Goals are not available here: ${e.message}`));
    },
  );
  session.client.call('accountsSetup', {}).then(
    (a) => {
      accountsBox.setAttribute('aria-busy', 'false');
      renderAccountsEntry(accountsBox, a, root, session);
      what(accountsLine, a.sheet ? `on the sheet ${quoted(a.sheet)}` : 'none yet');
    },
    (e: CallError) => {
      accountsBox.setAttribute('aria-busy', 'false');
      replace(accountsBox, h('p', { class: 'hint' }, `The key-account plan is not available here: ${e.message}`));
    },
  );
  return { section, found: [goalsLine, accountsLine] };
}

function renderGoalsEntry(el: HTMLElement, g: GoalsSetup, root: HTMLElement, session: Session): void {
  const open = () => renderGoals(root, session);
  if (!g.sheet) {
    replace(
      el,
      h(
        'p',
        null,
        'Connect the dots: company objectives cascade to each function, team and person, and every key result shows how it contributes. Key results tied to the scorecard update by themselves.',
      ),
      h('div', { class: 'actions' }, button('Set up goals', open)),
    );
    return;
  }
  const status = h('div', { role: 'status', class: 'status' });
  replace(
    el,
    h('p', null, `Your goals are scored on ${quoted(g.sheet)}. Type each week’s confidence and comment there, then record the check-in.`),
    h(
      'div',
      { class: 'actions' },
      button('Show goals', () => void showSheet(session, g.sheet!, status)),
      checkInButton(session, status),
      button('Change goals', open),
      rebuildButton(
        session,
        'Rebuild goals',
        'Rebuilding the goals sheet…',
        (force: boolean) => session.client.call('rebuildGoals', { force }),
        status,
        (r: GoalsBuilt) => `Rebuilt ${quoted(r.sheet)}: ${r.objectives} objectives, ${r.keyResults} key results.`,
      ),
    ),
    status,
  );
}

function renderAccountsEntry(el: HTMLElement, a: AccountsSetup, root: HTMLElement, session: Session): void {
  const open = () => renderAccounts(root, session);
  if (!a.sheet) {
    replace(
      el,
      h(
        'p',
        null,
        'Who your best customers are, how much of your attention each gets against its share of the business, which are at risk, and the plan for each.',
      ),
      h('div', { class: 'actions' }, button('Build a key-account plan', open)),
    );
    return;
  }
  const status = h('div', { role: 'status', class: 'status' });
  replace(
    el,
    h('p', null, `Your key-account plan is on ${quoted(a.sheet)}. Its numbers update as sales and answers come in.`),
    h(
      'div',
      { class: 'actions' },
      button('Show plan', () => void showSheet(session, a.sheet!, status)),
      button('Change plan', open),
      rebuildButton(
        session,
        'Rebuild plan',
        'Rebuilding the key-account plan…',
        (force: boolean) => session.client.call('rebuildAccounts', { force }),
        status,
        (r: AccountsBuilt) => `Rebuilt ${quoted(r.sheet)}: ${r.accounts} accounts, ${r.atRiskCount} at risk.`,
      ),
    ),
    status,
  );
}

/** A Rebuild button that asks first when a rebuild would remove cells the manager added. */
function rebuildButton<R extends { readonly sheet: string; readonly confirm: { readonly message: string } | null }>(
  session: Session,
  label: string,
  progress: string,
  call: (force: boolean) => Promise<R>,
  status: HTMLElement,
  said: (r: R) => string,
): HTMLButtonElement {
  let busy = false;
  const btn = button(label, () => void run(false));
  const finish = () => {
    busy = false;
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
  };
  const run = async (force: boolean) => {
    if (busy && !force) return;
    busy = true;
    btn.disabled = true;
    btn.setAttribute('aria-busy', 'true');
    replace(status, loading(progress));
    try {
      const r = await call(force);
      if (r.confirm) {
        replace(
          status,
          confirmBox(
            r.confirm.message,
            'Rebuild anyway',
            () => void run(true),
            () => {
              replace(status, 'Not rebuilt: nothing was changed.');
              finish();
              btn.focus();
            },
          ),
        );
        return;
      }
      await session.client.showSheet(r.sheet).catch(() => undefined);
      replace(status, said(r));
    } catch (e) {
      replace(status, errorBox((e as Error).message));
    }
    finish();
  };
  return btn;
}
