import type { ActionList, ActionView, ReplyDraft } from '../../rpc/contract';
import { RESULT_WINDOWS, type ResultWindowChoice } from '../../core/results/window';
import { h, plural, replace, uid } from '../dom';
import type { CallError } from '../client';
import type { Session } from '../session';
import { markReady } from '../ready';
import { button, callButton, errorBox, focusHeading, loading, quoted } from './common';
import { fieldError } from './surveyFields';
import { replyView } from './reply';

export interface ActionsHost {
  readonly session: Session;
  /** Back to the automation panel. */
  back(): void;
}

/** "#4 · Acme Ltd · due 2026-11-30 (overdue)". */
function actionLine(a: ActionView): string {
  const parts = [a.id ? `#${a.id}` : 'An action', a.customer || 'no customer named'];
  if (a.status === 'done') parts.push(`closed ${a.closed || '(no date)'}`);
  else if (a.due) parts.push(`due ${a.due}${a.overdue ? ' (overdue)' : ''}`);
  return parts.join(' · ');
}

/** A length as the sidebar offers it: "8 weeks (the default)", "The scorecard's period (month)". */
function windowLabel(choice: ResultWindowChoice, period: string | null): string {
  if (choice === 'period') return period ? `The scorecard’s period (${period})` : 'The scorecard’s period (8 weeks until there is one)';
  if (choice === 'month' || choice === 'quarter') return `A calendar ${choice}`;
  return choice === '8 weeks' ? '8 weeks (the default)' : choice;
}

/**
 * The improvement tracker's actions in the sidebar: the replies waiting to be sent ("you said, we did"),
 * then the open actions, each with Close: what was changed is written as the note to the customer, the
 * action is done as of today, and where the customer left an address the reply is drafted for review.
 */
export function renderActions(root: HTMLElement, host: ActionsHost, message?: string): void {
  const { session } = host;
  const heading = h('h2', { class: 'first' }, 'Actions and replies');
  const body = h('div', null, loading('Reading the improvement tracker…'));
  replace(root, heading, body);
  focusHeading(heading);

  const reply = (d: ReplyDraft) => {
    replace(root, replyView({ session, back: (m) => renderActions(root, host, m) }, d));
  };

  const show = (list: ActionList) => {
    const top = message ? h('p', { role: 'status', class: 'said' }, message) : null;
    const replyStatus = h('div', { class: 'status' });
    const replies = list.replies.map((a) =>
      h(
        'li',
        { 'data-ref': a.ref, 'data-reply-waiting': '' },
        h('span', { class: 'found-name' }, actionLine(a)),
        h('p', { class: 'hint' }, `What changed: ${a.note || '(no note yet: write it on the tracker)'}`),
        a.result ? h('p', { class: 'hint' }, a.result) : null,
        callButton(
          'Review the reply',
          'secondary',
          replyStatus,
          'Drafting the reply…',
          async () => reply(await session.client.call('draftReply', { ref: a.ref })),
          'The reply could not be drafted',
          { 'aria-label': `Review the reply to ${a.customer || a.contact}` },
        ),
      ),
    );
    const open = list.open.map((a) => openItem(a));
    replace(
      body,
      top,
      h(
        'p',
        { class: 'hint' },
        `From ${quoted(list.sheet)}. Close an action here or on the sheet (Status done, the day in Closed, what was changed in Note to the customer).`,
      ),
      h('h3', null, list.replies.length ? `Replies to send (${list.replies.length})` : 'Replies to send'),
      list.replies.length
        ? [
            h(
              'p',
              { class: 'hint' },
              'These customers left an address to hear back. Tell each what changed: the add-on drafts the mail, you review it and send it.',
            ),
            h('ul', { class: 'found', 'data-replies': '' }, replies),
            replyStatus,
          ]
        : h('p', null, 'No reply waiting: every customer who left an address has been told what changed.'),
      h('h3', null, `Open actions (${list.open.length + list.openMore})`),
      list.open.length ? h('ul', { class: 'found', 'data-open': '' }, open) : h('p', null, 'Nothing open.'),
      list.openMore
        ? h('p', { class: 'hint' }, `${plural(list.openMore, 'more open action')} on the sheet (the soonest due are listed).`)
        : null,
      windowSection(list),
      h(
        'div',
        { class: 'actions' },
        button('Back', () => host.back()),
      ),
    );
    if (top) focusHeading(top);
    markReady('survey-actions');
  };

  /** How long before and after each action its measure is compared (the tracker's Measured result). */
  const windowSection = (list: ActionList): HTMLElement[] => {
    const id = uid('window');
    const status = h('div', { class: 'status' });
    const select = h(
      'select',
      { id, 'aria-describedby': `${id}-hint` },
      RESULT_WINDOWS.map((c) => h('option', { value: c }, windowLabel(c, list.window.period))),
    );
    select.value = list.window.choice;
    const apply = callButton(
      'Measure again',
      'secondary',
      status,
      'Writing the measured results again…',
      async () => {
        const choice = RESULT_WINDOWS.find((c) => c === select.value) ?? '8 weeks';
        const next = await session.client.call('resultWindow', { window: choice });
        renderActions(root, host, `Each done action is now measured over ${next.window.words} before and after.`);
      },
      'The length was not changed',
    );
    return [
      h('h3', null, 'Did it work?'),
      h(
        'p',
        { class: 'hint', id: `${id}-hint` },
        `Each done action’s lead measure is compared over the ${list.window.words} before it was opened and the ${list.window.words} after it was closed (the tracker’s Measured result). Longer windows hold more answers (fewer “too few answers to tell”); shorter ones stay closer to the action.`,
      ),
      h('label', { for: id }, 'Before and after'),
      select,
      h('div', { class: 'actions' }, apply),
      status,
    ];
  };

  /** An open action, with Close: the note to the customer, then done. */
  const openItem = (a: ActionView): HTMLElement => {
    const li = h('li', { 'data-ref': a.ref });
    const status = h('div', { class: 'status' });
    const askClose = button('Close…', () => closing(), 'secondary', { 'aria-label': `Close the action of ${a.customer || actionLine(a)}` });
    const area = h('div', null, askClose);
    const closing = () => {
      const id = uid('note');
      const note = h('textarea', { id, rows: 4, 'aria-describedby': `${id}-hint` });
      const noteError = fieldError(note);
      note.addEventListener('input', () => noteError.clear());
      const done = callButton(
        'Close the action',
        'primary',
        status,
        'Closing the action…',
        async () => {
          if (!note.value.trim()) return noteError.show('Say what was changed: the customer reads it.');
          const r = await session.client.call('closeAction', { ref: a.ref, note: note.value });
          if (r.draft) return reply(r.draft);
          renderActions(
            root,
            host,
            r.draftProblem
              ? `Closed. The reply could not be drafted: ${r.draftProblem}`
              : `Closed${r.action.id ? ` #${r.action.id}` : ''}.${r.action.contact ? '' : ' The customer left no address, so there is no reply to send.'}`,
          );
        },
        'The action was not closed',
      );
      replace(
        area,
        h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': `${id}-label` },
          h('label', { for: id, id: `${id}-label` }, 'What was changed'),
          note,
          h(
            'p',
            { class: 'hint', id: `${id}-hint` },
            a.contact
              ? 'The customer reads this in your reply: say it in their words.'
              : 'It goes in the Note to the customer column (the customer left no address for a reply).',
          ),
          noteError.el,
          h(
            'div',
            { class: 'actions' },
            done,
            button('Cancel', () => {
              replace(area, askClose);
              askClose.focus();
            }),
          ),
        ),
      );
      note.focus();
    };
    replace(li, h('span', { class: 'found-name' }, actionLine(a)), h('p', { class: 'hint' }, a.wrong), area, status);
    return li;
  };

  session.client.call('trackerActions', {}).then(show, (e: CallError) => {
    replace(
      body,
      errorBox(e.message, () => renderActions(root, host, message), 'Leadlag could not read the actions'),
      h(
        'div',
        { class: 'actions' },
        button('Back', () => host.back()),
      ),
    );
    markReady('survey-actions-error');
  });
}
