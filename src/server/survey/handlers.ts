import { MAX_ROLES, checkSetup, defaultSetup } from '../../core/survey/setup';
import { surveyForms } from '../../core/survey/forms';
import { type Automation, type AutomationContext, readRecord, removeTriggers } from './automation';
import { automationStatus, chooseOldReviews, createSurvey, formStates, prepareMail, retryFailed, setAutomation } from './run';
import { writeLinks } from './links';
import { syncFeedback } from '../tracker/sync';
import { type ScorecardHooks, type SurveyHandlers, UserError } from '../handlers';

/** The user's own address where Apps Script gives one (it may not: a missing scope, a consumer account's policy), else ''. */
function userEmail(auto: Automation | undefined): string {
  try {
    const e = auto?.userEmail?.() ?? '';
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : '';
  } catch {
    return '';
  }
}

/**
 * The survey and improvement-loop calls of the sidebar, over the automation ports (Forms, triggers, lock,
 * mail, properties). Plugged into createHandlers as `survey: surveyModule(automation)`. Their arguments
 * come parsed by dispatch with the contract's schemas (src/rpc/contract.ts); what is checked here are the
 * rules (checkSetup's problems, 1 to 50 simulated responses).
 */
export function surveyModule(automation: Automation | undefined): (core: ScorecardHooks) => SurveyHandlers {
  return (core) => {
    const { wb } = core;
    const ctx = (): AutomationContext => {
      if (!automation) throw new UserError('Surveys need Google Forms, triggers and mail, which this copy of Leadlag cannot reach.');
      return { wb, auto: automation, spreadsheet: core.spreadsheetName() };
    };
    const status = () => automationStatus(wb, automation);
    // A new build changes what the weekly scorecard mail says: its snapshot is read again (never fails the build).
    core.onBuilt(() => {
      if (automation && readRecord(automation.props)?.scoreMail) prepareMail(ctx());
    });
    return {
      surveyDefaults() {
        // The owner is the user where Apps Script says who they are; else the reminder starts off.
        return { setup: defaultSetup(userEmail(automation)), maxRoles: MAX_ROLES, status: status() };
      },
      previewSurvey({ setup }) {
        const c = checkSetup(setup);
        return { problems: c.problems, forms: c.problems.length ? [] : surveyForms(c.setup) };
      },
      createSurvey({ setup }) {
        const { trackerCreated, ...made } = createSurvey(ctx(), setup);
        // A scorecard built before the tracker existed gets its IMPROVEMENT_SUMMARY now.
        const def = trackerCreated && core.ownScorecard() ? core.storedDefinition() : null;
        let scorecardUpdated = false;
        if (def) {
          try {
            core.build(def);
            scorecardUpdated = true;
          } catch {
            // It shows the summary after its next rebuild.
          }
        }
        return { ...made, scorecardUpdated };
      },
      automationStatus: status,
      setAutomation(change) {
        setAutomation(ctx(), change);
        return status();
      },
      syncFeedback() {
        return syncFeedback(ctx());
      },
      uninstallAutomation() {
        return { removed: removeTriggers(ctx().auto), status: status() };
      },
      simulateResponses({ count }) {
        const simulate = ctx().auto.simulate;
        if (!simulate)
          throw new UserError('Simulated responses exist only in the local preview. In Sheets, share the form links with your customers.');
        if (!Number.isInteger(count) || count < 1 || count > 50) throw new UserError('Simulate from 1 to 50 responses at a time.');
        return { submitted: simulate(count), status: status() };
      },
      formStates() {
        return { forms: formStates(ctx()) };
      },
      retryFailed({ keys }) {
        return { sync: retryFailed(ctx(), keys), status: status() };
      },
      oldReviews({ add }) {
        return { sync: chooseOldReviews(ctx(), add), status: status() };
      },
      surveyLinks() {
        const c = ctx();
        if (!readRecord(c.auto.props)) throw new UserError('Create a survey first: the links open its forms.');
        return { links: writeLinks(c), status: status() };
      },
    };
  };
}
