import type { SurveyCreated } from '../../rpc/contract';
import { h, plural, replace, uid } from '../dom';
import { LAYOUT_CHOICES, MAX_DUE_DAYS, OWNER_PROBLEM, createProblems, roleKey, toSetup } from '../survey';
import { button, callButton, errorBox, focusHeading, quoted, said } from './common';
import { fieldError } from './surveyFields';
import {
  formList,
  linksLine,
  loadFormStates,
  oldReviewsChoice,
  reminderFields,
  sheetLine,
  statusSummary,
  syncWords,
  triggerWords,
} from './surveyStatus';
import type { StepView, SurveyContext } from './surveyContext';

/**
 * Step 3: the reminder, the weekly digest, the owner and the days to act, then Create: one server call
 * that makes the forms, the responses and tracker sheets and the triggers. A second click while it runs
 * does nothing; a failure shows the server's words and changes nothing here.
 */
export function renderCreate(ctx: SurveyContext): StepView {
  const { draft } = ctx;
  const settings = reminderFields(draft);
  const dueId = uid('due');
  const due = h('input', {
    type: 'number',
    id: dueId,
    min: '1',
    max: String(MAX_DUE_DAYS),
    step: '1',
    value: draft.dueDays,
    class: 'short',
    'aria-describedby': `${dueId}-hint`,
  });
  const dueError = fieldError(due);
  due.addEventListener('input', () => {
    draft.dueDays = due.value;
    dueError.clear();
  });
  const roles = draft.roles.map((r) => roleKey(r.name)).filter(Boolean);
  const summary = h(
    'dl',
    { class: 'summary' },
    h('dt', null, 'Survey'),
    h('dd', null, quoted(draft.title.trim())),
    h('dt', null, 'Roles'),
    h('dd', null, roles.join(', ')),
    h('dt', null, 'Forms'),
    h('dd', null, LAYOUT_CHOICES.find((c) => c.value === draft.layout)?.label ?? ''),
  );

  const area = h('div', { class: 'build-area' });
  let busy = false;
  const create = button('Create survey', () => start(), 'primary');
  const start = () => {
    if (busy) return;
    // Each problem under its own control; the focus goes to the first of them.
    const problems = createProblems(draft);
    replace(area);
    settings.owner.clear();
    dueError.clear();
    if (problems.length) {
      for (const p of [...problems].reverse()) (p.field === 'owner' ? settings.owner : dueError).show(p.text);
      return;
    }
    busy = true;
    create.disabled = true;
    create.setAttribute('aria-busy', 'true');
    ctx.nav.setBackEnabled(false);
    area.setAttribute('aria-busy', 'true');
    replace(
      area,
      h('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Creating the survey' }, h('div', { class: 'bar' })),
      h('p', { role: 'status' }, 'Creating the forms, the sheets and the triggers…'),
    );
    ctx.session.client.call('createSurvey', { setup: toSetup(draft) }).then(
      (r) => showCreated(ctx, r),
      (e: Error) => {
        busy = false;
        create.disabled = false;
        create.removeAttribute('aria-busy');
        area.setAttribute('aria-busy', 'false');
        ctx.nav.setBackEnabled(true);
        replace(area);
        // The server's words about the owner's address belong under that field; others under the button, focused.
        if (e.message.includes(OWNER_PROBLEM)) {
          settings.owner.show(e.message);
          return;
        }
        const box = errorBox(e.message, undefined, 'The survey was not created');
        replace(
          area,
          box,
          h('p', { class: 'hint' }, 'Change the settings above, or go back to the roles and questions, then create it again.'),
        );
        focusHeading(box);
      },
    );
  };

  const el = h(
    'div',
    null,
    h(
      'p',
      null,
      'Leadlag creates the forms, sends their answers to this spreadsheet, and turns every unhappy answer into an action on the Improvement tracker.',
    ),
    summary,
    settings.el,
    h(
      'div',
      { class: 'field' },
      h('label', { for: dueId }, 'Days to act on each action'),
      due,
      h('p', { class: 'hint', id: `${dueId}-hint` }, `An action is due this many days after it is opened (1 to ${MAX_DUE_DAYS}).`),
      dueError.el,
    ),
    h('div', { class: 'actions' }, create),
    area,
  );
  return { el };
}

function showCreated(ctx: SurveyContext, r: SurveyCreated): void {
  const title = h('h2', { class: 'result-title' }, 'Survey created');
  const status = h('div', { class: 'status' });
  const simStatus = h('div', { class: 'status' });
  const forms = r.forms.length === 1 ? 'Share its link with your customers' : 'Share each role’s link with the customers in that role';
  const made = formList(r.forms);
  const statesSaid = h('div', { class: 'status' });
  loadFormStates(ctx.session, made, statesSaid);
  const choice = h('div', null);
  if (r.oldReviews)
    replace(
      choice,
      oldReviewsChoice(ctx.session, r.oldReviews.count, (_s, message) =>
        replace(choice, h('p', { role: 'status', class: 'said' }, message)),
      ),
    );
  const content = h(
    'div',
    { class: 'result' },
    title,
    r.simulated
      ? h(
          'p',
          { class: 'note' },
          'This is the local preview: the forms are form descriptions here, not Google Forms. Open a share link to see one, or simulate responses below.',
        )
      : null,
    h('p', null, `${plural(r.forms.length, 'form')} made and published. ${forms}; their answers arrive in this spreadsheet.`),
    statesSaid,
    made,
    h('h3', null, 'A link for each customer'),
    linksLine(ctx.session, r.links, status),
    h('h3', null, 'Where answers and actions go'),
    h(
      'ul',
      { class: 'found' },
      sheetLine(ctx.session, 'Responses', r.responsesSheet, status),
      sheetLine(ctx.session, 'Actions', r.trackerSheet, status),
    ),
    status,
    h('h3', null, 'Automation'),
    h('p', null, triggerWords(r.triggers)),
    h('p', null, syncWords(r.sync, true)),
    choice,
    r.scorecardUpdated ? h('p', null, 'The scorecard now shows the improvement summary.') : null,
    r.simulated
      ? h(
          'div',
          null,
          h('h3', null, 'Try it'),
          h(
            'div',
            { class: 'actions' },
            callButton(
              'Simulate 5 responses',
              'secondary',
              simStatus,
              'Submitting 5 simulated responses…',
              async () => {
                const s = await ctx.session.client.call('simulateResponses', { count: 5 });
                replace(simStatus, said(`${plural(s.submitted, 'simulated response')} submitted and processed.`), statusSummary(s.status));
              },
              'The responses were not simulated',
            ),
          ),
          simStatus,
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      button('Manage the survey', () => ctx.manage(), 'primary'),
      button('Done', () => ctx.session.go('home')),
    ),
  );
  ctx.finish(content, title, 'survey-created');
}
