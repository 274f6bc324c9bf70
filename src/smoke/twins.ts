/**
 * The smoke test against the in-memory twins (Node only: CI, `npm run smoke`), wired as the local preview
 * wires them, in a spreadsheet east of UTC. The loader check loads the built dist/Code.js,
 * dist/Formulas.js and dist/Server.js in a bare V8 context, as Apps Script does; everything else goes through the twins.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { CallArgs, CallName, Results } from '../rpc/contract';
import { createHandlers, dispatch } from '../server/handlers';
import { MemoryWorkbook } from '../server/adapters/memory/memoryWorkbook';
import { MemoryAutomation } from '../server/adapters/memory/automation';
import { ianaZone } from '../server/adapters/memory/zone';
import { surveyModule } from '../server/survey/handlers';
import { TRIGGER_HANDLERS } from '../server/survey/automation';
import { trackerSummary } from '../server/tracker/sheets';
import { type SmokeEnv, type SmokeRow, globalsProblems, runSmoke } from './checks';

const DIST = join(__dirname, '..', '..', 'dist');

/** What is wrong with the built scripts' loader and globals, checked in a fresh bare V8 context. */
export function loaderProblems(dist = DIST): string[] {
  const problems: string[] = [];
  let ctx: vm.Context;
  try {
    ctx = vm.createContext({});
    vm.runInContext(readFileSync(join(dist, 'Code.js'), 'utf8'), ctx, { filename: 'Code.js' });
    vm.runInContext(readFileSync(join(dist, 'Formulas.js'), 'utf8'), ctx, { filename: 'Formulas.js' });
    vm.runInContext(readFileSync(join(dist, 'Server.js'), 'utf8'), ctx, { filename: 'Server.js' });
  } catch (e) {
    return [`dist/ could not be loaded (${e instanceof Error ? e.message : String(e)}): run npm run build`];
  }
  return problems.concat(globalsProblems(ctx as Record<string, unknown>));
}

/** The twins the smoke test runs against, and the env over them. */
export function twinsEnv(zone = 'Asia/Tokyo') {
  const tz = ianaZone(zone);
  const wb = new MemoryWorkbook({ zone: tz });
  const twin = new MemoryAutomation(wb, { spreadsheetName: 'Smoke' });
  const handlers = createHandlers({
    wb,
    survey: surveyModule(twin.automation),
    scorecardExtras: [trackerSummary],
    spreadsheetName: () => 'Smoke',
    timestamp: () => twin.automation.stamp(),
    withLock: (fn) => fn(),
    zone: tz,
  });
  const env: SmokeEnv = {
    wb,
    // As google.script.run carries it: JSON in, JSON out (a Date in a result would not cross).
    rpc: <N extends CallName>(name: N, args: CallArgs<N>) =>
      JSON.parse(JSON.stringify(dispatch(handlers, name, JSON.parse(JSON.stringify(args))))) as Results[N],
    loader: () => loaderProblems(),
    settle: () => undefined,
    zone: tz,
    today: () => {
      const t = Date.now();
      return new Date(t + tz.offsetMinutes(t) * 60000).toISOString().slice(0, 10);
    },
    scopes: () => twin.automation.granted?.() ?? true,
    lock: () => {
      const got = twin.automation.lock.acquire(1000);
      twin.automation.lock.release();
      return got;
    },
    // FormResponse.submit does not fire the form-submit trigger: neither does this.
    submit: (formId, answers) => twin.forms.submit(formId, answers, new Date()),
    formState: (formId) => twin.forms.state(formId),
    layout: (sheet, a1) => ({ rules: wb.layoutOf(sheet).rules.length, validation: wb.validationAt(sheet, a1) }),
    // What the Apps Script adapter asks Sheets for: the range transposed (series in rows) with one header row.
    charts: (sheet) =>
      wb.charts(sheet).map((c) => ({
        ranges: [c.range],
        row: c.anchor.row,
        col: c.anchor.col,
        transposed: true,
        headers: 1,
        type: c.kind === 'line' ? 'LINE' : 'COMBO',
        title: c.title,
      })),
    triggers: () =>
      twin.triggers.list().filter((t) => t.handler === TRIGGER_HANDLERS[t.kind] && (t.kind === 'weekly' || t.document)).length,
  };
  return { env, wb, twin };
}

/** Runs the smoke test against the twins and returns its rows. */
export function smokeTwins(zone?: string): SmokeRow[] {
  return runSmoke(twinsEnv(zone).env);
}

if (require.main === module) {
  const rows = smokeTwins(process.argv[2]);
  for (const r of rows) console.log(`${r.ok ? 'OK  ' : 'FAIL'}  ${r.check}: ${r.detail}`);
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`${rows.length - failed} of ${rows.length} OK`);
  process.exit(failed ? 1 : 0);
}
