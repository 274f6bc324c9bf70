import type { AutomationStatus, SyncSummary } from '../../rpc/contract';
import type { Reminder } from '../../core/survey/setup';
import type { SurveyForm, TriggerState } from '../../core/survey/automation';
import { h, plural, replace, uid } from '../dom';
import type { Session } from '../session';
import { NEEDS_PERMISSION, REMINDER_CHOICES, UNAVAILABLE, actionWords, latestForms } from '../survey';
import { button, callButton, externalLink, quoted } from './common';
import { showSheet } from './showSheet';

/** Why surveys cannot be used here (status.available is false). */
/** The reminder, the digest and the owner, as the wizard's last step and the automation panel edit them. */
export interface MailSettings {
  reminder: Reminder;
  digest: boolean;
  owner: string;
}

export function reminderFields(s: MailSettings): HTMLElement {
  const name = uid('reminder');
  const digestId = uid('digest');
  const ownerId = uid('owner');
  const digest = h('input', { type: 'checkbox', id: digestId, checked: s.digest });
  digest.addEventListener('change', () => (s.digest = digest.checked));
  const owner = h('input', {
    type: 'email',
    id: ownerId,
    value: s.owner,
    autocomplete: 'email',
    spellcheck: 'false',
    'aria-describedby': `${ownerId}-hint`,
  });
  owner.addEventListener('input', () => (s.owner = owner.value));
  return h(
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
    ),
  );
}

/** The forms with their links: share one with customers, edit one in Google Forms. */
export function formList(forms: readonly SurveyForm[]): HTMLElement {
  return h(
    'ul',
    { class: 'form-links' },
    forms.map((f) => {
      const who = f.role ?? 'all roles';
      return h(
        'li',
        null,
        h('span', { class: 'found-name' }, f.role ?? 'All roles (the form asks the role)'),
        h('span', { class: 'hint form-sheet' }, ` · answers in ${quoted(f.responseSheet)}`),
        h(
          'span',
          { class: 'links' },
          externalLink('Share link', f.publishedUrl, `for ${who}`),
          externalLink('Edit form', f.editUrl, `for ${who}`),
        ),
      );
    }),
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

/** "3 low-star reviews without a reply became actions." */
export function syncWords(s: SyncSummary, created = false): string {
  if (s.busy) return 'Another run was processing responses at the same moment; the next run catches up.';
  if (created && !s.responses)
    return s.actions
      ? `${plural(s.actions, 'low-star review')} without a reply became ${s.actions === 1 ? 'an action' : 'actions'}.`
      : 'No existing review needed an action.';
  return `${plural(s.responses, 'response')} processed, ${plural(s.actions, 'new action')}.`;
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

  const settings: MailSettings = { reminder: survey.reminder, digest: survey.digest, owner: survey.owner };
  const saveStatus = h('div', { class: 'status' });
  const save = callButton(
    on ? 'Save' : 'Save and turn automation on',
    'primary',
    saveStatus,
    'Saving…',
    async () => {
      const next = await session.client.call('setAutomation', {
        reminder: settings.reminder,
        digest: settings.digest,
        owner: settings.owner.trim(),
      });
      host.show(next, 'Saved. The automation is on.');
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
      host.show(next, r.busy ? syncWords(r) : `Processed: ${syncWords(r)}`);
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
    h('h3', null, 'Forms'),
    formList(latest),
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
    h('h3', null, 'Automation'),
    h('p', null, triggerWords(s.triggers)),
    statusSummary(s),
    h('div', { class: 'actions' }, sync, simulate),
    syncStatus,
    simStatus,
    h('h3', null, 'Reminders and digest'),
    reminderFields(settings),
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
