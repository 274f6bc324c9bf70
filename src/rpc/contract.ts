import * as z from 'zod/mini';
import { definitionShape, type ScorecardDefinition } from '../core/scorecard/definition';
import { surveySetupShape, type SurveySetup } from '../core/survey/setup';
import type { FormSpec } from '../core/survey/forms';
import type { FailedResponse, LoggedError, SurveyForm, TriggerState } from '../core/survey/automation';
import type { DefinitionReview } from '../core/scorecard/plausibility';
import { RESULT_WINDOWS, type ResultWindowChoice } from '../core/results/window';
import { SURVEY_SCOPES } from './scopes';
import { goalsDefinitionShape, type GoalsDefinition } from '../core/goals/definition';
import { accountsDefinitionShape, type AccountsDefinition } from '../core/accounts/definition';

/**
 * The calls the sidebar may make to the server, each declared once: its name, the zod schema of its
 * arguments, the OAuth scopes it needs beyond the scorecard's, and its result type. The server's dispatch
 * parses the arguments with that schema (once) and Apps Script's rpc() checks those scopes; the sidebar's
 * client is typed from it (importing types only, so no zod reaches the sidebar). This file imports only
 * the core, so both sides can. Results carry no Date objects (dates cross as ISO text) and no undefined
 * (google.script.run turns it into null).
 */
/**
 * A sheet as the server found it: the table (header row, rows left out) and a sample of each column.
 * Column roles are guessed in the sidebar (core/tables/suggestRoles runs in the browser), which keeps
 * the Apps Script bundle small and lets the wizard re-guess instantly when the user changes one.
 */
export interface SheetTable {
  readonly sheet: string;
  /** 1-based row of the header, null when no table was found (then `problem` says why). */
  readonly headerRow: number | null;
  readonly headers: readonly string[];
  /** Up to SAMPLE_ROWS data cells per column; dates as ISO text. */
  readonly columns: readonly (readonly (string | number | boolean)[])[];
  readonly dataRows: number;
  readonly skipped: readonly { row: number; reason: string }[];
  readonly problem: string | null;
  /** The export the header row was recognised as (core/tables/profiles), by id, or null. */
  readonly profile: string | null;
  /** Each column's question text, where a header row below the names holds it (Qualtrics), else null. */
  readonly labels: readonly string[] | null;
}

export const SAMPLE_ROWS = 400;

export interface HomeInfo {
  readonly spreadsheet: string;
  /** The sheets the add-on did not make. */
  readonly sheets: readonly string[];
  readonly scorecard: { sheet: string } | null;
  readonly hasDefinition: boolean;
}

export interface BuildSummary {
  readonly sheet: string;
  readonly measures: readonly string[];
  readonly missing: readonly string[];
  readonly skipped: number;
  /** Measures built but not countable now (a cell that cannot be read), with why: the rest of the sheet is fine. */
  readonly problems: readonly { readonly measure: string; readonly label: string; readonly problem: string }[];
  /**
   * Nothing was built: a rebuild would remove cells a manager added to the scorecard. Ask, then call again
   * with `force: true`. Typed targets and notes are kept either way.
   */
  readonly confirm: { readonly sheet: string; readonly cells: readonly string[]; readonly message: string } | null;
}

/** A form as the status panel lists it: `problem` says why its answers do not arrive (its sheet cannot be found), or null. */
export interface StatusForm extends SurveyForm {
  readonly problem: string | null;
}

/** Whether a form takes responses, as Google Forms says now (the `formStates` call; null where it cannot tell). */
export interface FormStateView {
  readonly id: string;
  readonly title: string;
  readonly role: string | null;
  readonly published: boolean | null;
  readonly accepting: boolean | null;
  /** Why customers cannot answer it, in words; null when they can. */
  readonly problem: string | null;
}

/** The "Survey links" sheet: one pre-filled link per customer (and role), or why it lists none. */
export interface LinksSummary {
  readonly sheet: string | null;
  readonly customers: number;
  readonly links: number;
  readonly problem: string | null;
  /** When it was last written, "2026-11-23 10:04". */
  readonly at: string;
}

/** Where the survey automation stands: the survey made, the triggers, the sheets and the last problems. */
export interface AutomationStatus {
  /** False where Forms, triggers and mail cannot be reached (then the survey calls fail with a message). */
  readonly available: boolean;
  /**
   * The user has not granted the survey scopes (forms, triggers, mail) yet: the triggers read as off and the
   * survey calls that need them fail; the menu item Set up a customer survey asks for them.
   */
  readonly needsPermission: boolean;
  /** The local preview: "Create" makes form descriptions and responses can be simulated. */
  readonly simulated: boolean;
  readonly survey: {
    readonly title: string;
    /** When it was last created, "2026-11-23 10:04". */
    readonly createdAt: string;
    /** The wizard's latest run. */
    readonly run: number;
    /** Every form made, earlier runs' too (their links may still be answered); the latest run's have `run`. */
    readonly forms: readonly StatusForm[];
    /** The day the loop was set up (ISO): reviews from then on become actions by themselves. */
    readonly since: string;
    /**
     * Unanswered low-star reviews from before `since`, offered once as a choice: turn them into actions or
     * leave them. Null once chosen, or when there are none.
     */
    readonly oldReviews: { readonly count: number } | null;
    /** The "Survey links" sheet, or null before it was first written. */
    readonly links: LinksSummary | null;
    readonly reminder: SurveySetup['reminder'];
    readonly digest: boolean;
    /** The weekly scorecard mail is on. */
    readonly scoreMail: boolean;
    readonly owner: string;
    readonly dueDays: number;
    /** The whole setup it was made with (roles, layout, wordings), or null when it did not fit a property. */
    readonly setup: SurveySetup | null;
  } | null;
  readonly triggers: TriggerState;
  readonly trackerSheet: string | null;
  /**
   * The tracker's actions now (open counts "in progress" too; `replies`: done actions whose customer left an
   * address and has not been told what changed); null without a tracker.
   */
  readonly actions: { readonly open: number; readonly overdue: number; readonly done: number; readonly replies: number } | null;
  readonly responsesSheet: string | null;
  /** The automation's last problems (triggers send no failure mail), oldest first. */
  readonly errors: readonly LoggedError[];
  /** Responses (or reviews) that could not be written, skipped until retried. */
  readonly failed: readonly FailedResponse[];
}

/** The wizard's starting point. */
export interface SurveyDefaults {
  readonly setup: SurveySetup;
  readonly maxRoles: number;
  readonly status: AutomationStatus;
}

/** Step 2 "review the questions": the forms a setup would create, or what is wrong with it. */
export interface SurveyPreview {
  /** Sentences to show; when there are any, `forms` is empty and "Create" would fail with them. */
  readonly problems: readonly string[];
  readonly forms: readonly FormSpec[];
}

/** What the improvement loop did in one run. */
export interface SyncSummary {
  readonly responses: number;
  readonly actions: number;
  /** Responses or reviews that could not be written this run (listed in the status, with Retry). */
  readonly failed: number;
  /** Nothing done now (another run held the spreadsheet, or there was no lock): the next run catches up. */
  readonly busy: boolean;
  /** Why nothing was done, in words; null when the run went ahead. */
  readonly why: string | null;
}

/** Step 3 "create": the forms with their links, the sheets, the triggers. */
export interface SurveyCreated {
  /** The forms made now, with links to share (publishedUrl) and to edit. */
  readonly forms: readonly SurveyForm[];
  readonly responsesSheet: string;
  readonly trackerSheet: string;
  readonly triggers: TriggerState;
  /** What processing right after creating did (older low-star reviews wait for the manager's choice). */
  readonly sync: SyncSummary;
  /** Unanswered low-star reviews from before today: offered as a choice (null when there are none). */
  readonly oldReviews: { readonly count: number } | null;
  /** The "Survey links" sheet written for the new forms. */
  readonly links: LinksSummary;
  /** The scorecard was rebuilt to show the tracker's summary. */
  readonly scorecardUpdated: boolean;
  readonly simulated: boolean;
}

/** One action of the improvement tracker, as the sidebar lists it (dates as ISO days). */
export interface ActionView {
  /** How the server finds it again: its Key, or "#ID" for an action typed in by hand. */
  readonly ref: string;
  readonly id: string;
  readonly customer: string;
  readonly wrong: string;
  readonly measure: string;
  readonly owner: string;
  readonly due: string;
  readonly overdue: boolean;
  readonly status: 'open' | 'in progress' | 'done' | 'dropped';
  readonly closed: string;
  /** The note to the customer: what was changed. */
  readonly note: string;
  /** The address the customer left to hear back ('' when none). */
  readonly contact: string;
  /** When the customer was told what changed, and at which address ('' when not yet). */
  readonly replied: string;
  /** ACTION_RESULT's reading, as the tracker shows it ('' while it has none). */
  readonly result: string;
  /** Done, with an address, and no reply sent yet. */
  readonly canReply: boolean;
}

/** The tracker's actions for the sidebar: open ones to close (soonest due first), done ones whose customer waits for a reply. */
export interface ActionList {
  readonly sheet: string;
  readonly open: readonly ActionView[];
  /** Open actions beyond those listed. */
  readonly openMore: number;
  readonly replies: readonly ActionView[];
  /**
   * How long the windows before and after each done action are: the choice, what it means in words ("8
   * weeks"), and the scorecard's period ("month"; null without a scorecard) that "period" follows.
   */
  readonly window: { readonly choice: ResultWindowChoice; readonly words: string; readonly period: string | null };
}

/** "You said, we did": the reply the owner reviews before anything is sent. */
export interface ReplyDraft {
  readonly ref: string;
  readonly to: string;
  readonly customer: string;
  readonly subject: string;
  /** Plain text; the HTML body is made from it when it is sent. */
  readonly body: string;
  /** The customer's own survey link it invites them back with, or null. */
  readonly link: string | null;
  /** Their words it quotes ('' when they gave only scores). */
  readonly said: string;
}

/** A rebuild of an add-on sheet would remove cells a manager added: nothing was built; ask, then call again with `force`. */
export interface Confirm {
  readonly sheet: string;
  readonly cells: readonly string[];
  readonly message: string;
}

/** The goals wizard's starting point: what was built and stored, and what the scorecard shows. */
export interface GoalsSetup {
  readonly stored: GoalsDefinition | null;
  /** The Goals sheet built before, and its check-in history sheet. */
  readonly sheet: string | null;
  readonly history: string | null;
  readonly scorecard: string | null;
  /** Every scorecard measure, and whether the Scorecard shows it now (a key result tied to it is live). */
  readonly measures: readonly {
    readonly id: string;
    readonly label: string;
    readonly kind: 'lead' | 'lag';
    readonly onScorecard: boolean;
  }[];
}

/** What a goals table makes: the tree (in the sheet's order), and every problem with its row. */
export interface GoalsPreview {
  readonly objectives: number;
  readonly keyResults: number;
  /** Blocking problems stop the build (IDs, parents, loops, unreadable cells); the others are said. */
  readonly problems: readonly { readonly row: number; readonly message: string; readonly blocking: boolean }[];
  /** The goals in tree order (at most 200). */
  readonly goals: readonly {
    readonly id: string;
    readonly title: string;
    readonly level: string;
    readonly depth: number;
    /** The scorecard measure a key result is tied to (its label), or null for a typed one or an objective. */
    readonly measure: string | null;
    readonly onScorecard: boolean;
  }[];
}

export interface GoalsBuilt {
  readonly sheet: string;
  readonly history: string;
  readonly objectives: number;
  readonly keyResults: number;
  readonly live: number;
  readonly notOnScorecard: readonly string[];
  readonly scorecard: string | null;
  readonly notes: readonly string[];
  readonly confirm: Confirm | null;
}

export interface CheckInSummary {
  readonly sheet: string;
  /** The ISO week recorded, e.g. 2026-W49. */
  readonly week: string;
  readonly recorded: number;
  readonly replaced: number;
  readonly withConfidence: number;
  /** Something to do next, or null. */
  readonly note: string | null;
}

/** The key-account wizard's starting point: what was stored, and what the spreadsheet offers. */
export interface AccountsSetup {
  readonly stored: AccountsDefinition | null;
  readonly sheet: string | null;
  /** Sales and answers as the scorecard (or the survey's responses sheet) reads them; null when there is neither. */
  readonly suggested: AccountsDefinition | null;
  readonly tracker: { readonly sheet: string; readonly actions: number } | null;
  readonly responses: { readonly sheet: string; readonly rows: number } | null;
}

export interface AccountsBuilt {
  readonly sheet: string;
  readonly accounts: number;
  readonly tiers: readonly {
    readonly tier: 'A' | 'B' | 'C';
    readonly accounts: number;
    readonly share: number;
    readonly attentionShare: number | null;
  }[];
  /** Tier A and B accounts at risk, largest first (at most 12), and how many in all. */
  readonly atRisk: readonly { readonly customer: string; readonly tier: string; readonly why: string }[];
  readonly atRiskCount: number;
  readonly starved: number;
  readonly overServed: number;
  readonly attention: string;
  readonly confirm: Confirm | null;
}

/** One call of the contract: how its arguments look, and the scopes it needs beyond the scorecard's. */
export interface CallSpec {
  readonly args: z.ZodMiniType;
  readonly scopes: readonly string[];
}

/** Every call with the zod schema of its arguments and the scopes it needs. */
function makeCalls() {
  const NoArgs = z.object({});
  const SetupArgs = z.object({ setup: surveySetupShape() });
  const scorecard: readonly string[] = [];
  return {
    home: { args: NoArgs, scopes: scorecard },
    readTables: { args: NoArgs, scopes: scorecard },
    getDefinition: { args: NoArgs, scopes: scorecard },
    buildScorecard: { args: z.object({ definition: definitionShape(), force: z.optional(z.boolean()) }), scopes: scorecard },
    checkScorecard: { args: z.object({ definition: definitionShape() }), scopes: scorecard },
    rebuildScorecard: { args: z.object({ force: z.optional(z.boolean()) }), scopes: scorecard },
    showSheet: { args: z.object({ sheet: z.string() }), scopes: scorecard },
    // The survey's: those that reach Forms, triggers or mail need its scopes; reading the status does not.
    surveyDefaults: { args: NoArgs, scopes: scorecard },
    previewSurvey: { args: SetupArgs, scopes: scorecard },
    createSurvey: { args: SetupArgs, scopes: SURVEY_SCOPES },
    automationStatus: { args: NoArgs, scopes: scorecard },
    setAutomation: {
      args: z.object({ reminder: z.string(), digest: z.boolean(), scoreMail: z.optional(z.boolean()), owner: z.string() }),
      scopes: SURVEY_SCOPES,
    },
    syncFeedback: { args: NoArgs, scopes: SURVEY_SCOPES },
    uninstallAutomation: { args: NoArgs, scopes: SURVEY_SCOPES },
    simulateResponses: { args: z.object({ count: z.number() }), scopes: scorecard },
    // Each reads Forms (publish states, pre-filled links) or processes responses (which may look a form's sheet up).
    formStates: { args: NoArgs, scopes: SURVEY_SCOPES },
    retryFailed: { args: z.object({ keys: z.array(z.string()) }), scopes: SURVEY_SCOPES },
    oldReviews: { args: z.object({ add: z.boolean() }), scopes: SURVEY_SCOPES },
    surveyLinks: { args: NoArgs, scopes: SURVEY_SCOPES },
    // The tracker's actions: listing and closing touch only this spreadsheet; a reply reads the survey's form (its link) and sends mail.
    trackerActions: { args: NoArgs, scopes: scorecard },
    closeAction: { args: z.object({ ref: z.string(), note: z.string() }), scopes: scorecard },
    draftReply: { args: z.object({ ref: z.string() }), scopes: SURVEY_SCOPES },
    sendReply: { args: z.object({ ref: z.string(), subject: z.string(), body: z.string() }), scopes: SURVEY_SCOPES },
    resultWindow: { args: z.object({ window: z.enum(RESULT_WINDOWS) }), scopes: scorecard },
    // Goals that connect and the key-account plan: sheets of this spreadsheet only.
    goalsSetup: { args: NoArgs, scopes: scorecard },
    previewGoals: { args: z.object({ definition: goalsDefinitionShape() }), scopes: scorecard },
    buildGoals: { args: z.object({ definition: goalsDefinitionShape(), force: z.optional(z.boolean()) }), scopes: scorecard },
    rebuildGoals: { args: z.object({ force: z.optional(z.boolean()) }), scopes: scorecard },
    recordCheckIn: { args: NoArgs, scopes: scorecard },
    accountsSetup: { args: NoArgs, scopes: scorecard },
    buildAccounts: { args: z.object({ definition: accountsDefinitionShape(), force: z.optional(z.boolean()) }), scopes: scorecard },
    rebuildAccounts: { args: z.object({ force: z.optional(z.boolean()) }), scopes: scorecard },
  } as const satisfies { readonly [N in CallName]: CallSpec };
}

type Calls = ReturnType<typeof makeCalls>;

let made: Calls | null = null;

/** The calls, their argument schemas and scopes, built on first use (zod schemas cost load time, and every execution loads the script). */
export function calls(): Calls {
  return (made ??= makeCalls());
}

/** The scopes a call needs beyond the scorecard's; none for a name the contract does not know. */
export function scopesOf(name: unknown): readonly string[] {
  const table = calls();
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name) ? table[name as CallName].scopes : [];
}

export interface Results {
  home: HomeInfo;
  readTables: SheetTable[];
  /** The stored definition, or null before the first build. */
  getDefinition: ScorecardDefinition | null;
  buildScorecard: BuildSummary;
  /**
   * The checks before a build, over the whole sheets a draft definition names: each measure's number for
   * its latest period ("Revenue, 2024-12: £62,222 from 346 orders") or why it cannot be counted, and what
   * looks implausible (core/scorecard/plausibility.ts). Nothing is written.
   */
  checkScorecard: DefinitionReview;
  rebuildScorecard: BuildSummary;
  /** Brings a sheet the add-on made to the front (after a build). */
  showSheet: null;
  surveyDefaults: SurveyDefaults;
  /** Checks the setup and shows the questions each role gets. */
  previewSurvey: SurveyPreview;
  createSurvey: SurveyCreated;
  automationStatus: AutomationStatus;
  /** Changes reminder / digest / owner and reinstalls the triggers (after an uninstall too). */
  setAutomation: AutomationStatus;
  /** Processes pending responses and reviews now. */
  syncFeedback: SyncSummary;
  /** Removes the triggers (forms, sheets and actions stay); `removed` counts them. */
  uninstallAutomation: { readonly removed: number; readonly status: AutomationStatus };
  /** Local preview only: submits `count` (1 to 50) simulated responses through the form-submit trigger. */
  simulateResponses: { readonly submitted: number; readonly status: AutomationStatus };
  /** Published and accepting responses, form by form (the latest run's forms). */
  formStates: { readonly forms: readonly FormStateView[] };
  /** Tries failed responses again (`keys`; none: all of them), then processes what is pending. */
  retryFailed: { readonly sync: SyncSummary; readonly status: AutomationStatus };
  /** The manager's one choice about the older unanswered low-star reviews: make actions of them, or leave them. */
  oldReviews: { readonly sync: SyncSummary | null; readonly status: AutomationStatus };
  /** Writes the "Survey links" sheet again (new customers in the Sales sheet, new forms). */
  surveyLinks: { readonly links: LinksSummary; readonly status: AutomationStatus };
  /** The tracker's open actions and the replies waiting to be sent. */
  trackerActions: ActionList;
  /** Closes an action (status done, closed today) with the note to the customer; `draft`: the reply to review when one is possible. */
  closeAction: { readonly action: ActionView; readonly draft: ReplyDraft | null; readonly draftProblem: string | null };
  /** The reply to review, drafted from the customer's words and the note. */
  draftReply: ReplyDraft;
  /** Sends the reviewed reply to the customer and records it on the action; never twice. */
  sendReply: { readonly action: ActionView; readonly to: string; readonly at: string };
  /** Sets how long the windows before and after each action are, writes the tracker's results again, and lists the actions. */
  resultWindow: ActionList;
  goalsSetup: GoalsSetup;
  /** Reads the goals table as a build would, and says what it makes of it (nothing is written). */
  previewGoals: GoalsPreview;
  buildGoals: GoalsBuilt;
  rebuildGoals: GoalsBuilt;
  /** Keeps this week's confidence, comment, current value and score of every goal on the check-in history. */
  recordCheckIn: CheckInSummary;
  accountsSetup: AccountsSetup;
  buildAccounts: AccountsBuilt;
  rebuildAccounts: AccountsBuilt;
}

export type CallName = keyof Results;
/** What the sidebar sends for a call (the schema's input). */
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
/** What the handler of a call gets: the arguments as the schema parsed them. */
export type ParsedArgs<N extends CallName> = z.output<Calls[N]['args']>;
/** The server's handler of a call: parsed arguments in, the call's result out. */
export type Handler<N extends CallName> = (args: ParsedArgs<N>) => Results[N];

/** What crosses back when a call fails: a message for the user and what to do, never a stack trace. */
export interface RpcFailure {
  readonly error: string;
}
