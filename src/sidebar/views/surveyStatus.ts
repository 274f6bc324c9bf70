import type { AutomationStatus, FormStateView, LinksSummary, StatusForm, SyncSummary } from '../../rpc/contract';
import type { Reminder } from '../../core/survey/setup';
import type { FailedResponse, SurveyForm, TriggerState } from '../../core/survey/automation';
import { h, plural, replace, uid } from '../dom';
import type { Session } from '../session';
import { NEEDS_PERMISSION, OWNER_PROBLEM, REMINDER_CHOICES, UNAVAILABLE, actionWords, latestForms, ownerProblem } from '../survey';
import { button, callButton, externalLink, quoted } from './common';
import { showSheet } from './showSheet';
import { type FieldError, fieldError } from './surveyFields';

/** Why surveys cannot be used here (status.available is false). */
/** The reminder, the digest and the owner, as the wizard's last step and the automation panel edit them. */
export interface MailSettings {
  reminder: Reminder;
  digest: boolean;
  /** The weekly scorecard mail; absent where it is not offered (the survey wizard: it is the automation panel's). */
  scoreMail?: boolean;
  owner: string;
}

/** The reminder, digest and owner fields, and the owner's error line (problems with the address show there). */
export interface ReminderFields {
  readonly el: HTMLElement;
  readonly owner: FieldError;
}

export function reminderFields(s: MailSettings): ReminderFields {
  const name = uid('reminder');
  const digestId = uid('digest');
  const ownerId = uid('owner');
  const digest = h('input', { type: 'checkbox', id: digestId, checked: s.digest });
  digest.addEventListener('change', () => (s.digest = digest.checked));
  const scoreId = uid('score-mail');
  const scoreMail = h('input', { type: 'checkbox', id: scoreId, checked: !!s.scoreMail, 'aria-describedby': `${scoreId}-hint` });
  scoreMail.addEventListener('change', () => (s.scoreMail = scoreMail.checked));
  const owner = h('input', {
    type: 'email',
    id: ownerId,
    value: s.owner,
    autocomplete: 'email',
    spellcheck: 'false',
    'aria-describedby': `${ownerId}-hint`,
  });
  const ownerError = fieldError(owner);
  owner.addEventListener('input', () => {
    s.owner = owner.value;
    ownerError.clear();
  });
  const el = h(
    'div',
    null,
    h(
      'fieldset',
      null,
      h('legend', null, 'Remind me to survey again'),
      h(
        'div',
        { class: 'radios' },
        REMINDER_CHOICES.map((c) => {
          const id = `${name}-${c.value}`;
          const input = h('input', { type: 'radio', name, id, value: c.value, checked: s.reminder === c.value });
          input.addEventListener('change', () => input.checked && (s.reminder = c.value));
          return h('span', { class: 'radio' }, input, h('label', { for: id }, c.label));
        }),
      ),
    ),
    h('div', { class: 'field check' }, digest, h('label', { for: digestId }, 'Mail a weekly digest of open and overdue actions')),
    s.scoreMail === undefined
      ? null
      : h(
          'div',
          { class: 'field check' },
          scoreMail,
          h('label', { for: scoreId }, 'Mail the weekly scorecard: are we winning?'),
          h(
            'p',
            { class: 'hint', id: `${scoreId}-hint` },
            'The measures you starred with their status and signal, new key accounts at risk and overdue actions, with a link to the sheet.',
          ),
        ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: ownerId }, 'Owner’s email (optional)'),
      owner,
      h(
        'p',
        { class: 'hint', id: `${ownerId}-hint` },
        'Gets the reminders and the digest, and owns new actions. Needed for a reminder or the digest.',
      ),
      ownerError.el,
    ),
  );
  return { el, owner: ownerError };
}

/**
 * The forms with their links: share one with customers, edit one in Google Forms. A form whose answers do
 * not arrive says why (its response sheet is gone or was never found); `data-form` lets the publish states
 * fill in later (formStates).
 */
export function formList(forms: readonly (SurveyForm | StatusForm)[]): HTMLElement {
  return h(
    'ul',
    { class: 'form-links' },
    forms.map((f) => {
      const who = f.role ?? 'all roles';
      const problem = 'problem' in f ? f.problem : null;
      return h(
        'li',
        { 'data-form': f.id },
        h('span', { class: 'found-name' }, f.role ?? 'All roles (the form asks the role)'),
        h(
          'span',
          { class: 'hint form-sheet' },
          f.responseSheet ? ` · answers in ${quoted(f.responseSheet)}` : ' · no response sheet found',
        ),
        h(
          'span',
          { class: 'links' },
          externalLink('Share link', f.publishedUrl, `for ${who}`),
          externalLink('Edit form', f.editUrl, `for ${who}`),
        ),
        h('span', { class: 'form-state hint', 'data-state': '' }),
        problem
          ? h('div', { class: 'error-box', 'data-problem': '' }, h('p', null, `Answers to this form do not arrive. ${problem}`))
          : null,
      );
    }),
  );
}

/** One form's publish state in words. */
export function stateWords(s: FormStateView): string {
  if (s.problem) return s.problem;
  if (s.published === true && s.accepting) return 'Published, accepting responses.';
  if (s.accepting) return 'Accepting responses.';
  return 'Google Forms could not say whether it accepts responses.';
}

/**
 * Asks Google Forms whether each listed form is published and accepting responses, and writes the answer
 * under each form (a form that is not gets an error box, announced). A failure says so once.
 */
export function loadFormStates(session: Session, list: HTMLElement, said: HTMLElement): void {
  session.client.call('formStates', {}).then(
    (r) => {
      const bad: string[] = [];
      for (const s of r.forms) {
        const li = [...list.querySelectorAll<HTMLElement>('li[data-form]')].find((x) => x.dataset.form === s.id);
        const slot = li?.querySelector<HTMLElement>('[data-state]');
        if (!li || !slot) continue;
        li.dataset.published = String(s.published);
        li.dataset.accepting = String(s.accepting);
        if (s.problem) {
          replace(slot, h('span', { class: 'error-box' }, `Customers cannot answer it. ${s.problem}`));
          bad.push(s.title);
        } else replace(slot, ` · ${stateWords(s)}`);
      }
      if (bad.length) replace(said, h('p', { role: 'status' }, `${plural(bad.length, 'form')} cannot take answers: see below each.`));
    },
    (e: Error) =>
      replace(said, h('p', { class: 'hint' }, `Leadlag could not ask Google Forms whether the forms take responses: ${e.message}`)),
  );
}

/** The "Survey links" sheet: who it lists, why it lists no one, and a way to open it. */
export function linksLine(session: Session, links: LinksSummary, status: HTMLElement): HTMLElement {
  return h(
    'div',
    { 'data-links': '' },
    links.sheet ? h('ul', { class: 'found' }, sheetLine(session, 'Survey links', links.sheet, status)) : null,
    h(
      'p',
      links.problem ? { class: 'note' } : null,
      links.links
        ? `${plural(links.links, 'pre-filled link')} for ${plural(links.customers, 'customer')} of your sales data: each opens the form with the customer’s company filled in, so that their answers join their sales. Mail-merge the sheet to send them.`
        : 'No pre-filled links yet.',
      links.problem ? ` ${links.problem}` : '',
    ),
  );
}

/**
 * The one choice about older unanswered low-star reviews: an action for each (dated as written), or
 * leave them. `done` gets the new status.
 */
export function oldReviewsChoice(session: Session, count: number, done: (s: AutomationStatus, message: string) => void): HTMLElement {
  const status = h('div', { class: 'status' });
  const textId = uid('old-reviews');
  const add = callButton(
    `Make ${plural(count, 'action')}`,
    'secondary',
    status,
    'Making the actions…',
    async () => {
      const r = await session.client.call('oldReviews', { add: true });
      done(
        r.status,
        r.sync?.busy
          ? syncWords(r.sync)
          : `${plural(r.sync?.actions ?? 0, 'older review')} became ${r.sync?.actions === 1 ? 'an action' : 'actions'}.`,
      );
    },
    'The actions were not made',
  );
  const leave = callButton(
    'Leave them',
    'secondary',
    status,
    'Saving…',
    async () => {
      const r = await session.client.call('oldReviews', { add: false });
      done(r.status, 'The older reviews are left as they are. New low-star reviews still become actions.');
    },
    'The choice was not saved',
  );
  return h(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': textId, 'data-old-reviews': '' },
    h(
      'p',
      { id: textId },
      `${plural(count, 'unanswered low-star review')} ${count === 1 ? 'is' : 'are'} older than the survey. Leadlag makes actions only of reviews from today on. Make an action of each older one too (dated as written), or leave them?`,
    ),
    h('div', { class: 'actions' }, add, leave),
    status,
  );
}

/** Responses that could not be written: what, where, why, and Retry (each, or all). */
export function failedList(
  session: Session,
  failed: readonly FailedResponse[],
  done: (s: AutomationStatus, message: string) => void,
): HTMLElement | null {
  if (!failed.length) return null;
  const status = h('div', { class: 'status' });
  const retry = (keys: string[], label: string, more: string) =>
    callButton(
      label,
      'secondary',
      status,
      'Trying again…',
      async () => {
        const r = await session.client.call('retryFailed', { keys });
        const left = r.status.failed.length;
        done(
          r.status,
          r.sync.busy ? syncWords(r.sync) : `Tried again: ${syncWords(r.sync)}${left ? ` ${plural(left, 'response')} still failed.` : ''}`,
        );
      },
      'Nothing was tried again',
      { 'aria-label': `${label}${more}` },
    );
  return h(
    'div',
    { 'data-failed': '' },
    h('h3', null, 'Responses that could not be written'),
    h(
      'p',
      { class: 'hint' },
      'Each is skipped so that the ones after it go in; its full text stays in its form’s sheet. Fix what the reason says, then try again.',
    ),
    h(
      'ul',
      null,
      failed.map((f) =>
        h(
          'li',
          null,
          h('span', { class: 'found-name' }, f.customer || 'A response'),
          ` · ${quoted(f.sheet)}${f.row ? ` row ${f.row}` : ''} · ${f.stage === 'action' ? 'its action' : 'its row in the feedback table'}: ${f.reason} (${f.at}) `,
          retry([f.key], 'Retry', ` the response of ${f.customer || 'this row'}`),
        ),
      ),
    ),
    failed.length > 1 ? h('div', { class: 'actions' }, retry([], 'Retry all', ` ${failed.length} responses`)) : null,
    status,
  );
}

/** A sheet the survey writes, with a button that brings it to the front. */
export function sheetLine(session: Session, what: string, sheet: string, status: HTMLElement): HTMLElement {
  return h(
    'li',
    { class: 'sheet-line' },
    h('span', null, h('span', { class: 'found-name' }, what), ' ', h('span', { class: 'found-what' }, quoted(sheet))),
    h(
      'button',
      { type: 'button', class: 'link', on: { click: () => void showSheet(session, sheet, status) } },
      'Show sheet',
      h('span', { class: 'sr-only' }, ` ${quoted(sheet)}`),
    ),
  );
}

/** What one run did, in words: "2 responses processed, 1 new action." */
export function syncWords(s: SyncSummary, created = false): string {
  if (s.busy) return s.why ?? 'Another run was processing responses at the same moment; the next run catches up.';
  const failed = s.failed ? ` ${plural(s.failed, 'response')} could not be written: see below.` : '';
  if (created && !s.responses) return s.actions ? `${plural(s.actions, 'new action')}.${failed}` : `Nothing needs an action yet.${failed}`;
  return `${plural(s.responses, 'response')} processed, ${plural(s.actions, 'new action')}.${failed}`;
}

export function triggerWords(t: TriggerState): string {
  if (t.formSubmit && t.weekly) return 'On: each response is processed as it arrives, and a weekly run sends the reminders and the digest.';
  if (!t.formSubmit && !t.weekly)
    return 'Off: responses are not processed on their own, and no reminder or digest is sent. Process them here, or turn it back on.';
  return t.formSubmit
    ? 'Partly on: responses are processed as they arrive, but no reminder or digest is sent.'
    : 'Partly on: reminders and the digest are sent, but responses are not processed on their own.';
}

/** The automation's state in a few lines: triggers, sheets, the last problems. */
export function statusSummary(s: AutomationStatus): HTMLElement {
  const onOff = (on: boolean) => (on ? 'on' : 'off');
  return h(
    'div',
    { class: 'status-summary' },
    h(
      'dl',
      { class: 'summary' },
      h('dt', null, 'Form-submit trigger'),
      h('dd', { 'data-trigger': 'formSubmit' }, onOff(s.triggers.formSubmit)),
      h('dt', null, 'Weekly trigger'),
      h('dd', { 'data-trigger': 'weekly' }, onOff(s.triggers.weekly)),
      s.responsesSheet ? [h('dt', null, 'Responses'), h('dd', null, quoted(s.responsesSheet))] : null,
      s.trackerSheet ? [h('dt', null, 'Actions'), h('dd', null, quoted(s.trackerSheet))] : null,
    ),
    errorList(s),
  );
}

function errorList(s: AutomationStatus): HTMLElement | null {
  if (!s.errors.length) return null;
  return h(
    'div',
    { class: 'note' },
    h('p', null, 'Recent problems of the automation (triggers send no mail when they fail):'),
    h(
      'ul',
      null,
      s.errors.map((e) => h('li', null, `${e.at}: ${e.message}`)),
    ),
  );
}

export interface StatusHost {
  readonly session: Session;
  /** Shows the panel again with a fresh status and a line that says what happened. */
  show(status: AutomationStatus, message?: string): void;
  /** Runs the wizard again (new forms; the triggers are not installed twice). */
  setupAgain(status: AutomationStatus): void;
}

/**
 * The automation panel: the survey's forms and links, the sheets, the triggers, the reminder / digest /
 * owner, "Process responses now", the last problems and "Uninstall automation" (confirmed here, in the
 * sidebar). Every button that calls the server ignores clicks while its call runs.
 */
export function statusPanel(host: StatusHost, s: AutomationStatus, message?: string): HTMLElement {
  const { session } = host;
  const top = message ? h('p', { role: 'status', class: 'said' }, message) : null;
  if (!s.available || s.needsPermission)
    return h(
      'div',
      null,
      top,
      h('p', null, s.available ? NEEDS_PERMISSION : UNAVAILABLE),
      h(
        'div',
        { class: 'actions' },
        button('Back', () => session.go('home'), 'primary'),
      ),
    );
  const survey = s.survey;
  if (!survey) {
    return h(
      'div',
      null,
      top,
      h('p', null, 'There is no customer survey in this spreadsheet yet.'),
      h(
        'div',
        { class: 'actions' },
        button('Set up a customer survey', () => host.setupAgain(s), 'primary'),
        button('Back', () => session.go('home')),
      ),
    );
  }
  const latest = latestForms(survey);
  const earlier = survey.forms.filter((f) => f.run !== survey.run);
  const sheetStatus = h('div', { class: 'status' });
  const on = s.triggers.formSubmit && s.triggers.weekly;
  const off = !s.triggers.formSubmit && !s.triggers.weekly;

  const settings: MailSettings = { reminder: survey.reminder, digest: survey.digest, scoreMail: survey.scoreMail, owner: survey.owner };
  const fields = reminderFields(settings);
  const saveStatus = h('div', { class: 'status' });
  const save = callButton(
    on ? 'Save' : 'Save and turn automation on',
    'primary',
    saveStatus,
    'Saving…',
    async () => {
      // The owner's address is checked where it is typed: the problem shows under it, with the focus.
      const problem = ownerProblem(settings);
      if (problem) {
        fields.owner.show(problem.text);
        return;
      }
      try {
        const next = await session.client.call('setAutomation', {
          reminder: settings.reminder,
          digest: settings.digest,
          scoreMail: settings.scoreMail ?? false,
          owner: settings.owner.trim(),
        });
        host.show(next, 'Saved. The automation is on.');
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (!message.includes(OWNER_PROBLEM)) throw e;
        fields.owner.show(message);
      }
    },
    'The settings were not saved',
  );

  const syncStatus = h('div', { class: 'status' });
  const sync = callButton(
    'Process responses now',
    'secondary',
    syncStatus,
    'Processing responses and reviews…',
    async () => {
      const r = await session.client.call('syncFeedback', {});
      const next = await session.client.call('automationStatus', {});
      host.show(next, r.busy ? `Nothing was processed. ${syncWords(r)}` : `Processed: ${syncWords(r)}`);
    },
    'The responses were not processed',
  );

  const simStatus = h('div', { class: 'status' });
  const simulate = s.simulated
    ? callButton(
        'Simulate 5 responses',
        'secondary',
        simStatus,
        'Submitting 5 simulated responses…',
        async () => {
          const r = await session.client.call('simulateResponses', { count: 5 });
          host.show(r.status, `${plural(r.submitted, 'simulated response')} submitted and processed.`);
        },
        'The responses were not simulated',
      )
    : null;

  const uninstallArea = h('div', null);
  const uninstallStatus = h('div', { class: 'status' });
  const askUninstall = button('Uninstall automation', () => confirmUninstall());
  const confirmUninstall = () => {
    const textId = uid('uninstall');
    const yes = callButton(
      'Uninstall',
      'primary',
      uninstallStatus,
      'Removing the triggers…',
      async () => {
        const r = await session.client.call('uninstallAutomation', {});
        host.show(r.status, `Automation uninstalled: ${plural(r.removed, 'trigger')} removed. The forms, the sheets and the actions stay.`);
      },
      'The automation was not uninstalled',
    );
    const no = button('Cancel', () => {
      replace(uninstallArea, askUninstall);
      askUninstall.focus();
    });
    replace(
      uninstallArea,
      h(
        'div',
        { class: 'confirm', role: 'group', 'aria-labelledby': textId },
        h(
          'p',
          { id: textId },
          'Uninstall the automation? New responses are then not processed on their own, and no reminder or digest is sent. The forms, the sheets and the actions stay.',
        ),
        h('div', { class: 'actions' }, yes, no),
        uninstallStatus,
      ),
    );
    yes.focus();
  };
  replace(uninstallArea, askUninstall);

  const formsList = formList(latest);
  const statesSaid = h('div', { class: 'status' });
  loadFormStates(session, formsList, statesSaid);
  const linksStatus = h('div', { class: 'status' });
  const updateLinks = callButton(
    survey.links ? 'Update links' : 'Make the links',
    'secondary',
    linksStatus,
    'Writing the links…',
    async () => {
      const r = await session.client.call('surveyLinks', {});
      host.show(
        r.status,
        r.links.links
          ? `The links are written: ${plural(r.links.links, 'link')} on ${quoted(r.links.sheet ?? '')}.`
          : `No links written. ${r.links.problem ?? ''}`,
      );
    },
    'The links were not written',
  );
  const again = (next: AutomationStatus, said: string) => host.show(next, said);

  return h(
    'div',
    { class: 'survey-status' },
    top,
    h('h2', { class: 'first' }, quoted(survey.title)),
    h(
      'p',
      { class: 'hint' },
      `Created ${survey.createdAt} · ${plural(latest.length, 'form')} · automation ${on ? 'on' : off ? 'off' : 'partly on'}`,
    ),
    s.actions ? h('p', { 'data-actions': '' }, actionWords(s.actions)) : null,
    s.simulated ? h('p', { class: 'note' }, 'Local preview: the forms are form descriptions here, not Google Forms.') : null,
    survey.oldReviews ? oldReviewsChoice(session, survey.oldReviews.count, again) : null,
    failedList(session, s.failed, again),
    h('h3', null, 'Forms'),
    statesSaid,
    formsList,
    earlier.length
      ? h(
          'details',
          { class: 'earlier' },
          h('summary', null, `Earlier forms (${earlier.length})`),
          h('p', { class: 'hint' }, 'Their links still work; answers to them are processed too.'),
          formList(earlier),
        )
      : null,
    h('h3', null, 'Sheets'),
    h(
      'ul',
      { class: 'found' },
      s.responsesSheet ? sheetLine(session, 'Responses', s.responsesSheet, sheetStatus) : h('li', null, 'No responses sheet yet.'),
      s.trackerSheet ? sheetLine(session, 'Actions', s.trackerSheet, sheetStatus) : h('li', null, 'No improvement tracker yet.'),
    ),
    sheetStatus,
    h('h3', null, 'A link for each customer'),
    survey.links ? linksLine(session, survey.links, sheetStatus) : h('p', null, 'No pre-filled links yet.'),
    h(
      'p',
      { class: 'hint' },
      'Send each customer their own link: their company is filled in, so their answers join their sales (KEY_ACCOUNTS flags an unhappy key account) and the tracker names them.',
    ),
    h('div', { class: 'actions' }, updateLinks),
    linksStatus,
    h('h3', null, 'Automation'),
    h('p', null, triggerWords(s.triggers)),
    statusSummary(s),
    h('div', { class: 'actions' }, sync, simulate),
    syncStatus,
    simStatus,
    h('h3', null, 'Reminders and digest'),
    fields.el,
    h('div', { class: 'actions' }, save),
    saveStatus,
    on || !off ? [h('h3', null, 'Stop the automation'), uninstallArea] : null,
    h('h3', null, 'Survey again'),
    h(
      'p',
      null,
      'Run the wizard again to make new forms (for new roles or new wording). The links above keep working, and the automation is not installed twice.',
    ),
    h(
      'div',
      { class: 'actions' },
      button('Set up the survey again', () => host.setupAgain(s)),
      button('Back to home', () => session.go('home')),
    ),
  );
}
