import * as z from 'zod/mini';
import { MAX_ROLES, surveySetupShape, checkSetup, defaultSetup } from '../../core/survey/setup';
import { surveyForms } from '../../core/survey/forms';
import { type Automation, type AutomationContext, removeTriggers } from './automation';
import { automationStatus, createSurvey, setAutomation } from './run';
import { syncFeedback } from '../tracker/sync';
import { type ScorecardHooks, type SurveyHandlers, UserError } from '../handlers';

/** The calls' argument schemas, built on first use (not at load: every formula execution loads the script). */
function makeSchemas() {
  return {
    SetupArgs: z.object({ setup: surveySetupShape() }),
    AutomationArgs: z.object({ reminder: z.string(), digest: z.boolean(), owner: z.string() }),
    SimulateArgs: z.object({ count: z.number() }),
  };
}
let made: ReturnType<typeof makeSchemas> | null = null;
const schemas = () => (made ??= makeSchemas());

/** Parses a survey call's arguments with its zod schema, or says what is wrong. */
function parsed<T>(
  schema: {
    safeParse(
      x: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
  },
  args: unknown,
): T {
  const r = schema.safeParse(args);
  if (!r.success)
    throw new UserError(
      `Leadlag could not use what the sidebar sent (${r.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ')}). Reload the sidebar and try again.`,
    );
  return r.data;
}

/** The survey wizard's `setup`, checked with the survey's own schema (the contract only says "an object"). */
function setupOf(args: unknown) {
  const r = schemas().SetupArgs.safeParse(args);
  if (!r.success)
    throw new UserError(
      `The survey settings are not valid (${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}). Reload the sidebar and try again.`,
    );
  return r.data.setup;
}

/**
 * The survey and improvement-loop calls of the sidebar, over the automation ports (Forms, triggers, lock,
 * mail, properties). Plugged into createHandlers as `survey: surveyModule(automation)`.
 */
export function surveyModule(automation: Automation | undefined): (core: ScorecardHooks) => SurveyHandlers {
  return (core) => {
    const { wb } = core;
    const ctx = (): AutomationContext => {
      if (!automation) throw new UserError('Surveys need Google Forms, triggers and mail, which this copy of Leadlag cannot reach.');
      return { wb, auto: automation, spreadsheet: core.spreadsheetName() };
    };
    const status = () => automationStatus(wb, automation);
    return {
      surveyDefaults() {
        return { setup: defaultSetup(), maxRoles: MAX_ROLES, status: status() };
      },
      previewSurvey(args) {
        const c = checkSetup(setupOf(args));
        return { problems: c.problems, forms: c.problems.length ? [] : surveyForms(c.setup) };
      },
      createSurvey(args) {
        const { trackerCreated, ...made } = createSurvey(ctx(), setupOf(args));
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
      setAutomation(args) {
        setAutomation(ctx(), parsed(schemas().AutomationArgs, args));
        return status();
      },
      syncFeedback() {
        return syncFeedback(ctx());
      },
      uninstallAutomation() {
        return { removed: removeTriggers(ctx().auto), status: status() };
      },
      simulateResponses(args) {
        const { count } = parsed(schemas().SimulateArgs, args);
        const simulate = ctx().auto.simulate;
        if (!simulate)
          throw new UserError('Simulated responses exist only in the local preview. In Sheets, share the form links with your customers.');
        if (!Number.isInteger(count) || count < 1 || count > 50) throw new UserError('Simulate from 1 to 50 responses at a time.');
        return { submitted: simulate(count), status: status() };
      },
    };
  };
}
