import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calls, scopesOf, type CallName } from '../../src/rpc/contract';
import { SURVEY_SCOPES } from '../../src/rpc/scopes';
import { createHandlers } from '../../src/server/handlers';
import { surveyModule } from '../../src/server/survey/handlers';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';

/** The one RPC contract (src/rpc/contract.ts): every call once, with its schema and scopes, shared by sidebar and server. */

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };

test('every call the server answers is in the contract, and every call of the contract has a handler', () => {
  const wb = new MemoryWorkbook();
  try {
    const h = createHandlers({
      wb,
      spreadsheetName: () => 'x',
      timestamp: () => 'x',
      withLock: (f) => f(),
      survey: surveyModule(undefined),
    });
    expect(Object.keys(h).sort()).toEqual(Object.keys(calls()).sort());
  } finally {
    wb.destroy();
  }
});

test('the schemas are built once, on first use; every call takes an object of arguments', () => {
  expect(calls()).toBe(calls());
  for (const spec of Object.values(calls())) expect(spec.args.safeParse('x').success).toBe(false);
  expect(calls().home.args.safeParse({}).success).toBe(true);
});

test('exactly the calls that reach Forms, triggers or mail need the survey scopes, which the manifest declares', () => {
  const needing = (Object.keys(calls()) as CallName[]).filter((n) => scopesOf(n).length);
  expect(needing.sort()).toEqual([
    'createSurvey',
    'formStates',
    'oldReviews',
    'retryFailed',
    'setAutomation',
    'surveyLinks',
    'syncFeedback',
    'uninstallAutomation',
  ]);
  for (const n of needing) expect(scopesOf(n)).toEqual(SURVEY_SCOPES);
  for (const scope of SURVEY_SCOPES) expect(manifest.oauthScopes).toContain(scope);
  expect(scopesOf('nope')).toEqual([]);
  expect(scopesOf(42)).toEqual([]);
  expect(scopesOf('toString')).toEqual([]);
});

test('the sidebar takes the contract as types only: no zod in dist/sidebar.html (the server has it)', () => {
  const zod = /\$Zod[A-Z]/;
  expect(readFileSync(join(root, 'dist', 'Server.js'), 'utf8')).toMatch(zod);
  expect(readFileSync(join(root, 'dist', 'sidebar.html'), 'utf8')).not.toMatch(zod);
});
