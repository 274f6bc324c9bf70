/**
 * The smoke test's Apps Script side: dist/Smoke.js (dev only: `.claspignore` keeps it out of `npm run push`;
 * `npm run smoke:push` pushes it), whose top-level `leadlagSmoke()` a maintainer runs once from the
 * spreadsheet's script editor (docs/smoke.md). It calls the pushed add-on's own entries (the top-level
 * `rpc`, `Leadlag.server()`) and Google's services directly where the check is about them.
 */
/// <reference types="google-apps-script" />
import type { CallArgs, CallName, Results } from '../rpc/contract';
import type { QuestionId } from '../core/survey/forms';
import { surveyForms } from '../core/survey/forms';
import { cachedZone, parseOffset } from '../core/time/zone';
import { AppsScriptWorkbook } from '../server/adapters/appsscript/appsScriptWorkbook';
import { appsScriptForms } from '../server/adapters/appsscript/appsScriptForms';
import { appsScriptTriggers } from '../server/adapters/appsscript/appsScriptTriggers';
import { appsScriptLock } from '../server/adapters/appsscript/appsScriptServices';
import { surveyScopesGranted } from '../server/adapters/appsscript/scopes';
import { TRIGGER_HANDLERS } from '../server/survey/automation';
import { SMOKE_SETUP, type SmokeEnv, globalsProblems, runSmoke } from './checks';

type Answers = Partial<Record<QuestionId, string | number>>;

/**
 * A respondent's answers, through the Forms service: FormApp.openById, one item response per question of
 * the chosen role's path, then submit() (which "does not cause the form's submit trigger to run":
 * https://developers.google.com/apps-script/guides/triggers/installable; the smoke test runs the loop itself).
 */
function submit(formId: string, answers: Answers, role: string | null): void {
  const form = FormApp.openById(formId);
  const spec = surveyForms(SMOKE_SETUP)[0];
  let r = form.createResponse();
  let section: string | null = null;
  for (const item of form.getItems()) {
    const type = item.getType();
    if (type === FormApp.ItemType.PAGE_BREAK) {
      section = item.getTitle();
      continue;
    }
    if (section !== null && section !== role) continue;
    const q = spec.items.find((i) => i.title === item.getTitle())?.q;
    const v = q ? answers[q] : undefined;
    if (v === undefined) continue;
    if (type === FormApp.ItemType.SCALE) r = r.withItemResponse(item.asScaleItem().createResponse(Number(v)));
    else if (type === FormApp.ItemType.MULTIPLE_CHOICE) r = r.withItemResponse(item.asMultipleChoiceItem().createResponse(String(v)));
    else if (type === FormApp.ItemType.PARAGRAPH_TEXT) r = r.withItemResponse(item.asParagraphTextItem().createResponse(String(v)));
    else if (type === FormApp.ItemType.TEXT) r = r.withItemResponse(item.asTextItem().createResponse(String(v)));
  }
  r.submit();
}

export function run(): string {
  const ss = SpreadsheetApp.getActive();
  if (!ss) throw new Error('Run leadlagSmoke from the spreadsheet’s own script (Extensions › Apps Script), so that it has a spreadsheet.');
  const tz = ss.getSpreadsheetTimeZone();
  const zone = cachedZone({ name: tz, offsetMinutes: (ms) => parseOffset(Utilities.formatDate(new Date(ms), tz, 'Z')) });
  const g = globalThis as unknown as Record<string, unknown> & { rpc?: (name: string, args: unknown) => unknown };
  const env: SmokeEnv = {
    wb: new AppsScriptWorkbook(ss),
    rpc: <N extends CallName>(name: N, args: CallArgs<N>) => {
      if (typeof g.rpc !== 'function') throw new Error('The top-level rpc() of Code.js is missing: push dist/ again.');
      // As google.script.run would carry the result: plain JSON.
      return JSON.parse(JSON.stringify(g.rpc(name, args))) as Results[N];
    },
    loader: () => globalsProblems(g),
    settle: (ms) => {
      SpreadsheetApp.flush();
      Utilities.sleep(ms);
    },
    zone,
    today: () => Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd'),
    scopes: surveyScopesGranted,
    lock: () => {
      const lock = appsScriptLock();
      const got = lock.acquire(10000);
      lock.release();
      return got;
    },
    submit,
    formState: (formId) => appsScriptForms(ss).state(formId),
    layout: (sheet, a1) => {
      const s = ss.getSheetByName(sheet);
      if (!s) return { rules: 0, validation: null };
      const v = s.getRange(a1).getDataValidation();
      const values = v ? (v.getCriteriaValues()[0] as unknown) : null;
      return { rules: s.getConditionalFormatRules().length, validation: Array.isArray(values) ? values.map(String) : null };
    },
    charts: (sheet) =>
      (ss.getSheetByName(sheet)?.getCharts() ?? []).map((c) => ({
        ranges: c.getRanges().map((r) => r.getA1Notation()),
        row: c.getContainerInfo().getAnchorRow(),
        col: c.getContainerInfo().getAnchorColumn(),
        transposed: c.getTransposeRowsAndColumns(),
        headers: c.getNumHeaders(),
        type: String(c.modify().getChartType()),
        title: String(c.getOptions().get('title') ?? ''),
      })),
    triggers: () =>
      appsScriptTriggers(ss)
        .list()
        .filter((t) => t.handler === TRIGGER_HANDLERS[t.kind] && (t.kind === 'weekly' || t.document)).length,
  };
  const rows = runSmoke(env);
  const passed = rows.filter((r) => r.ok).length;
  const summary = `${passed} of ${rows.length} OK`;
  console.log(`Leadlag smoke: ${summary}`);
  return summary;
}
