import type { AutomationStatus, SurveyDefaults } from '../../rpc/contract';
import { h, replace } from '../dom';
import type { CallError } from '../client';
import type { Session } from '../session';
import { NEEDS_PERMISSION, UNAVAILABLE, initialSurveyDraft } from '../survey';
import { markReady } from '../ready';
import { button, errorBox, focusHeading, loading } from './common';
import { renderRoles } from './surveyRoles';
import { renderQuestions } from './surveyQuestions';
import { renderCreate } from './surveyCreate';
import { statusPanel } from './surveyStatus';
import { renderActions } from './actions';
import type { StepView, SurveyContext } from './surveyContext';

const STEPS: readonly { title: string; render: (ctx: SurveyContext) => StepView }[] = [
  { title: 'Roles', render: renderRoles },
  { title: 'Questions', render: renderQuestions },
  { title: 'Create', render: renderCreate },
];

/**
 * The customer survey: with no survey yet, the three-step wizard (roles, questions, create); with one, the
 * automation panel (forms and links, reminders, processing, uninstall), from which the wizard runs again.
 * The wizard's choices become the server's setup only when Create is pressed.
 */
export function renderSurvey(root: HTMLElement, session: Session): void {
  const heading = h('h1', null, 'Customer survey');
  const body = h('div', null, loading('Looking for a survey…'));
  replace(root, heading, body);
  focusHeading(heading);
  let defaults: SurveyDefaults | null = null;

  const load = () => {
    replace(body, loading('Looking for a survey…'));
    session.client.call('surveyDefaults', {}).then(
      (d) => {
        defaults = d;
        if (!d.status.available) unavailable(UNAVAILABLE, 'survey-unavailable');
        else if (d.status.needsPermission) unavailable(NEEDS_PERMISSION, 'survey-permission');
        else if (d.status.survey) manage(d.status);
        else wizard(d.status);
      },
      (e: CallError) => {
        replace(
          body,
          errorBox(e.message, load, 'Leadlag could not open the survey'),
          h(
            'div',
            { class: 'actions' },
            button('Back', () => session.go('home')),
          ),
        );
        markReady('survey-error');
      },
    );
  };

  const unavailable = (why: string, ready: string) => {
    replace(
      body,
      h('p', null, why),
      h(
        'div',
        { class: 'actions' },
        button('Back', () => session.go('home'), 'primary'),
      ),
    );
    markReady(ready);
  };

  const manage = (status?: AutomationStatus, message?: string) => {
    replace(heading, 'Customer survey');
    if (!status) {
      replace(body, loading('Reading the survey’s state…'));
      session.client.call('automationStatus', {}).then(
        (s) => manage(s, message),
        (e: CallError) =>
          replace(
            body,
            errorBox(e.message, () => manage(undefined, message), 'Leadlag could not read the survey’s state'),
            h(
              'div',
              { class: 'actions' },
              button('Back', () => session.go('home')),
            ),
          ),
      );
      return;
    }
    const host = {
      session,
      show: (s: AutomationStatus, m?: string) => manage(s, m),
      setupAgain: (s: AutomationStatus) => wizard(s),
      actions: () => {
        replace(heading, 'Customer survey');
        renderActions(body, { session, back: () => manage() });
      },
    };
    const panel = statusPanel(host, status, message);
    replace(body, panel);
    const said = panel.querySelector<HTMLElement>('.said');
    if (said) focusHeading(said);
    else focusHeading(heading);
    markReady('survey-status');
  };

  const wizard = (status: AutomationStatus) => {
    if (!defaults) return load();
    replace(heading, 'Set up a customer survey');
    const draft = initialSurveyDraft(defaults.setup, status.survey);
    let step = 0;
    let current: StepView | null = null;
    let moving = false;
    const stepList = h('ol', { class: 'steps' });
    const stepHeading = h('h2', { id: 'survey-step-h', class: 'step-title' });
    const stepBody = h('div', { class: 'step-body' });
    const back = button('Back', () => go(step - 1));
    const next = button('Next', () => void forward(), 'primary');
    const navBar = h('div', { class: 'actions wizard-nav' }, back, next);

    const go = (to: number) => {
      if (to < 0) return status.survey ? manage() : session.go('home');
      step = to;
      replace(
        stepList,
        STEPS.map((s, i) =>
          h('li', i === step ? { 'aria-current': 'step', class: 'current' } : i < step ? { class: 'done' } : null, s.title),
        ),
      );
      replace(stepHeading, `Step ${step + 1} of ${STEPS.length}: ${STEPS[step].title}`);
      navBar.hidden = false;
      back.disabled = false;
      next.hidden = step === STEPS.length - 1;
      current = STEPS[step].render(ctx);
      replace(stepBody, current.el);
      focusHeading(stepHeading);
      markReady(`survey-${step + 1}`);
    };

    /** Next: the step's own check first (the questions step waits for its preview); a second click waits. */
    const forward = async () => {
      if (moving) return;
      moving = true;
      next.setAttribute('aria-busy', 'true');
      const at = step;
      try {
        // Back while the check waited wins: move on only from where Next was pressed.
        if ((!current?.next || (await current.next())) && step === at) go(step + 1);
      } finally {
        moving = false;
        next.removeAttribute('aria-busy');
      }
    };

    const ctx: SurveyContext = {
      session,
      draft,
      maxRoles: defaults.maxRoles,
      go,
      nav: { setBackEnabled: (on) => (back.disabled = !on) },
      finish: (content, title, ready) => {
        replace(body, content);
        focusHeading(title);
        markReady(ready);
      },
      manage,
    };
    replace(body, h('nav', { 'aria-label': 'Survey steps' }, stepList), stepHeading, stepBody, navBar);
    go(0);
  };

  load();
}
