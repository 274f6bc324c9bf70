import type { ActionView, ReplyDraft } from '../../rpc/contract';
import { h, uid } from '../dom';
import type { Session } from '../session';
import { button, callButton, focusHeading } from './common';
import { fieldError } from './surveyFields';
import { markReady } from '../ready';

/** The most the reply's subject and body may hold (the server says the same: core/tracker/reply.ts). */
const SUBJECT_MAX = 200;
const BODY_MAX = 20000;

export interface ReplyHost {
  readonly session: Session;
  /** Back to the list of actions, with a line that says what happened. */
  back(message?: string): void;
}

/**
 * "You said, we did": the reply the add-on drafted, for the owner to review and change before anything is
 * sent: to whom, their own words, the subject and the message (plain text; the mail's HTML is made from it on
 * the server, every character of it escaped). Nothing is sent until Send is chosen, and only once.
 */
export function replyView(host: ReplyHost, d: ReplyDraft): HTMLElement {
  const { session } = host;
  const heading = h('h2', { id: uid('reply') }, `Reply to ${d.customer || d.to}`);
  const subjectId = uid('reply-subject');
  const bodyId = uid('reply-body');
  const subject = h('input', { type: 'text', id: subjectId, value: d.subject, maxlength: SUBJECT_MAX, spellcheck: 'true' });
  const body = h('textarea', { id: bodyId, rows: 16, maxlength: BODY_MAX, spellcheck: 'true', 'aria-describedby': `${bodyId}-hint` });
  body.value = d.body;
  const subjectError = fieldError(subject);
  const bodyError = fieldError(body);
  subject.addEventListener('input', () => subjectError.clear());
  body.addEventListener('input', () => bodyError.clear());
  const status = h('div', { class: 'status' });
  const send = callButton(
    'Send reply',
    'primary',
    status,
    `Sending to ${d.to}…`,
    async () => {
      if (!subject.value.trim()) return subjectError.show('Give the reply a subject.');
      if (!body.value.trim()) return bodyError.show('The reply is empty: write what changed.');
      const r = await session.client.call('sendReply', { ref: d.ref, subject: subject.value, body: body.value });
      host.back(sentWords(r.action, r.to, r.at));
    },
    'The reply was not sent',
  );
  const el = h(
    'section',
    { class: 'reply', 'aria-labelledby': heading.id, 'data-reply': d.ref },
    heading,
    h('dl', { class: 'summary' }, h('dt', null, 'To'), h('dd', { 'data-to': '' }, d.to)),
    d.said ? h('div', { class: 'note' }, h('p', null, 'They told you:'), h('blockquote', { 'data-said': '' }, d.said)) : null,
    h('div', { class: 'field' }, h('label', { for: subjectId }, 'Subject'), subject, subjectError.el),
    h(
      'div',
      { class: 'field' },
      h('label', { for: bodyId }, 'Message'),
      body,
      h(
        'p',
        { class: 'hint', id: `${bodyId}-hint` },
        'Change anything you like. Nothing is sent until you choose Send reply; it goes from your Google account, and the action records it.',
      ),
      bodyError.el,
    ),
    h(
      'div',
      { class: 'actions' },
      send,
      button('Not now', () => host.back()),
    ),
    status,
  );
  setTimeout(() => focusHeading(heading), 0);
  markReady('survey-reply');
  return el;
}

/** "Sent to buyer@acme.example (2026-11-23 10:04); action #4 records it." */
export function sentWords(a: ActionView, to: string, at: string): string {
  return `Sent to ${to} (${at}); ${a.id ? `action #${a.id}` : 'the action'} records it under Reply sent.`;
}
