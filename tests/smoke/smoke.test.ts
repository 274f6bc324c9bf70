import { mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { loaderProblems, smokeTwins, twinsEnv } from '../../src/smoke/twins';
import { SMOKE_CHARTS, SMOKE_SHEET, runSmoke } from '../../src/smoke/checks';
import { buildSmoke } from '../../scripts/build';

/**
 * The smoke test (src/smoke/): CI runs it against the in-memory twins, as a maintainer runs dist/Smoke.js
 * once in a real spreadsheet (docs/smoke.md). It must pass here, and it must be able to fail.
 */
jest.setTimeout(60_000);
const root = join(__dirname, '..', '..');

describe('the smoke test against the twins', () => {
  test('every check passes, and the "Leadlag smoke" sheet shows one OK row per check', () => {
    const { env, wb } = twinsEnv();
    const rows = runSmoke(env);
    expect(rows.map((r) => [r.check, r.ok])).toEqual([
      ['Loader and its globals', true],
      ['Three formulas recalculated by the spreadsheet', true],
      ['Time zone and locale', true],
      ['Two charts from their specifications: range, series in rows, anchor; set again, they replace', true],
      ['Scopes', true],
      ['Document lock', true],
      ['A two-role branching survey: published, accepting, its response sheet found in the same run', true],
      ['A response of formula-looking text reaches the tracker as text', true],
      ['Conditional formats and the status drop-down on the tracker', true],
      ['Triggers installed, then removed', true],
    ]);
    const sheet = wb.sheet(SMOKE_SHEET)!.readValues();
    expect(sheet[0].slice(0, 3)).toEqual(['Check', 'Result', 'Detail']);
    expect(sheet.slice(1, 11).map((r) => r[1])).toEqual(Array(10).fill('OK'));
    expect(sheet[11].slice(0, 2)).toEqual(['10 of 10 OK', 'OK']);
    expect(wb.charts(SMOKE_SHEET).map((c) => [c.key, c.range, c.anchor])).toEqual(SMOKE_CHARTS.map((c) => [c.key, 'H12:L14', c.anchor]));
    expect(wb.chartData(SMOKE_SHEET, 'smoke:trend').series.map((s) => s.values)).toEqual([
      [12, 18, null, 21],
      [20, 20, 25, 25],
    ]);
    expect(wb.styleAt(SMOKE_SHEET, 'B2').background).toBe('#e6f4ea');
  });

  test('in a zone west of UTC too', () => {
    expect(smokeTwins('America/Los_Angeles').filter((r) => !r.ok)).toEqual([]);
  });

  test('it can fail: unpublished forms and no document lock are each a FAIL row, and the run goes on', () => {
    const { env, twin } = twinsEnv();
    const create = twin.forms.create.bind(twin.forms);
    twin.forms.create = (spec) => {
      const made = create(spec);
      twin.forms.unpublish(made.id); // as if the adapter had not published it
      return made;
    };
    twin.lock.noDocument = true;
    const rows = runSmoke(env);
    const failed = rows.filter((r) => !r.ok).map((r) => r.check);
    expect(failed).toEqual(
      expect.arrayContaining([
        'Document lock',
        'A two-role branching survey: published, accepting, its response sheet found in the same run',
      ]),
    );
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r.check === 'Document lock')!.detail).toContain('unavailable');
  });

  test('it can fail: a workbook that wrote text as typed would turn the response into a formula, and the check says so', () => {
    const { env, wb } = twinsEnv();
    const write = wb.write.bind(wb);
    wb.write = (id, row, col, block, check) =>
      write(
        id,
        row,
        col,
        block.map((r) => r.map((c) => (c && typeof c === 'object' && 'text' in c ? c.text : c))),
        check,
      );
    const rows = runSmoke(env);
    expect(rows.find((r) => r.check === 'A response of formula-looking text reaches the tracker as text')!.ok).toBe(false);
  });

  test('it can fail: charts that did not land, or landed with series in columns, are a FAIL row that says what it found', () => {
    const none = twinsEnv();
    const rows = runSmoke({ ...none.env, charts: () => [] });
    const row = rows.find((r) => r.check.startsWith('Two charts'))!;
    expect(row).toMatchObject({ ok: false, detail: '0 chart(s): none.' });
    const columns = twinsEnv();
    const flipped = runSmoke({ ...columns.env, charts: (s) => columns.env.charts(s).map((c) => ({ ...c, transposed: false })) });
    expect(flipped.find((r) => r.check.startsWith('Two charts'))!.detail).toContain(
      'LINE "Smoke: NPS against its target" over H12:L14 at N2, series in columns, 1 header row',
    );
    expect(flipped.find((r) => r.check.startsWith('Two charts'))!.ok).toBe(false);
    // setOption not reaching the chart (no title read back) fails too.
    const untitled = twinsEnv();
    const bare = runSmoke({ ...untitled.env, charts: (s) => untitled.env.charts(s).map((c) => ({ ...c, title: '' })) });
    expect(bare.find((r) => r.check.startsWith('Two charts'))!.ok).toBe(false);
  });

  test('the loader check reads the built files, and says what is missing', () => {
    expect(loaderProblems()).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'leadlag-dist-'));
    copyFileSync(join(root, 'dist', 'Code.js'), join(dir, 'Code.js'));
    expect(loaderProblems(dir)[0]).toMatch(/could not be loaded/);
  });
});

describe('dist/Smoke.js, the dev-only file', () => {
  test('one top-level function, no module syntax, no service touched when loaded; it says what it needs without a spreadsheet', async () => {
    const text = await buildSmoke();
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    const ctx = vm.createContext({});
    vm.runInContext(readFileSync(join(root, 'dist', 'Code.js'), 'utf8'), ctx);
    vm.runInContext(readFileSync(join(root, 'dist', 'Formulas.js'), 'utf8'), ctx);
    vm.runInContext(readFileSync(join(root, 'dist', 'Server.js'), 'utf8'), ctx);
    vm.runInContext(text, ctx, { filename: 'Smoke.js' });
    const g = ctx as Record<string, unknown>;
    expect(typeof g.leadlagSmoke).toBe('function');
    (g as { SpreadsheetApp?: unknown }).SpreadsheetApp = { getActive: () => null };
    expect(() => (g.leadlagSmoke as () => unknown)()).toThrow(/spreadsheet’s own script/);
  });

  test('kept out of the release’s push; pushed by npm run smoke:push only', () => {
    const release = readFileSync(join(root, '.claspignore'), 'utf8').split('\n');
    const smoke = readFileSync(join(root, 'src', 'smoke', '.claspignore'), 'utf8').split('\n');
    expect(release).toContain('**/**');
    expect(release.filter((l) => l.startsWith('!'))).toEqual(['!Code.js', '!Formulas.js', '!Server.js', '!appsscript.json', '!*.html']);
    expect(smoke.filter((l) => l.startsWith('!'))).toEqual([
      '!Code.js',
      '!Formulas.js',
      '!Server.js',
      '!Smoke.js',
      '!appsscript.json',
      '!*.html',
    ]);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['smoke:push']).toContain('clasp --ignore src/smoke/.claspignore push');
    expect(scripts.push).not.toContain('smoke');
  });
});
