import { AppsScriptWorkbook, chartAxisFormat, chartOptions } from '../../../../src/server/adapters/appsscript/appsScriptWorkbook';
import { SettingsTooLarge } from '../../../../src/server/ports/workbook';

/** The workbook port over SpreadsheetApp (src/server/adapters/appsscript/appsScriptWorkbook.ts), against a stand-in that records the calls. */
describe("the workbook port's drop-downs and formula rules", () => {
  test('in Sheets: a list validation and a formula rule, in one call each', () => {
    const calls: string[] = [];
    const rule = { build: () => 'rule' } as Record<string, unknown>;
    const chain = new Proxy(rule, {
      get: (t, k) =>
        k in t ? t[k as string] : (...a: unknown[]) => (calls.push(`${String(k)}(${a.map((x) => JSON.stringify(x)).join(',')})`), chain),
    });
    const range = { setDataValidation: (r: unknown) => calls.push(`setDataValidation(${String(r)})`) };
    const sheet = {
      getRange: (a1: string) => (calls.push(`getRange(${a1})`), range),
      setConditionalFormatRules: (r: unknown[]) => calls.push(`setConditionalFormatRules(${r.length})`),
      getName: () => 'S',
    };
    const g = globalThis as Record<string, unknown>;
    g.SpreadsheetApp = { newDataValidation: () => chain, newConditionalFormatRule: () => chain };
    const ss = { getSheetByName: () => sheet };
    try {
      const s = new AppsScriptWorkbook(ss as never).sheet('S')!;
      s.setValidation('J2:J', ['open', 'done']);
      s.setConditionalRules([{ a1: 'A2:L', formula: 'AND($I2<TODAY())', background: '#fce8e6' }]);
    } finally {
      delete g.SpreadsheetApp;
    }
    expect(calls).toEqual([
      'getRange(J2:J)',
      'requireValueInList(["open","done"],true)',
      'setAllowInvalid(false)',
      'setDataValidation(rule)',
      'setBackground("#fce8e6")',
      'whenFormulaSatisfied("=AND($I2<TODAY())")',
      'getRange(A2:L)',
      'setRanges([{}])',
      'setConditionalFormatRules(1)',
    ]);
  });
});

/** Developer metadata stand-ins: key, value, visibility, and what is done to them. */
function meta(key: string, value: string, visibility: 'DOCUMENT' | 'PROJECT', log: string[], list: unknown[]) {
  const m = {
    getKey: () => key,
    getValue: () => value,
    getVisibility: () => visibility,
    setValue: (v: string) => (log.push(`setValue ${key}=${v}`), (value = v), m),
    setVisibility: (v: 'DOCUMENT' | 'PROJECT') => (log.push(`setVisibility ${key} ${v}`), (visibility = v), m),
    remove: () => (log.push(`remove ${key} ${visibility}`), list.splice(list.indexOf(m), 1)),
  };
  return m;
}

describe('settings and tags in developer metadata with DOCUMENT visibility', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.SpreadsheetApp;
  });

  function spreadsheet(entries: [string, string, 'DOCUMENT' | 'PROJECT'][]) {
    const log: string[] = [];
    const list: ReturnType<typeof meta>[] = [];
    for (const [k, v, vis] of entries) list.push(meta(k, v, vis, log, list));
    g.SpreadsheetApp = { DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' } };
    const ss = {
      getDeveloperMetadata: () => [...list],
      addDeveloperMetadata: (k: string, v: string, vis: string) => (
        log.push(`add ${k}=${v} ${vis}`),
        list.push(meta(k, v, vis as 'DOCUMENT', log, list))
      ),
    };
    return { wb: new AppsScriptWorkbook(ss as never), log, list };
  }

  test('new settings are written DOCUMENT-visible, so that another Cloud project still reads them', () => {
    const { wb, log } = spreadsheet([]);
    wb.setSetting('scorecard.sheet', 'Scorecard');
    expect(log).toEqual(['add leadlag.setting.scorecard.sheet=Scorecard DOCUMENT']);
  });

  test('one an older version wrote PROJECT-visible is moved to DOCUMENT when read (the migration); a PROJECT duplicate of a DOCUMENT one goes', () => {
    const a = spreadsheet([['leadlag.setting.k', 'old', 'PROJECT']]);
    expect(a.wb.getSetting('k')).toBe('old');
    expect(a.log).toEqual(['setVisibility leadlag.setting.k DOCUMENT']);
    const b = spreadsheet([
      ['leadlag.setting.k', 'stale', 'PROJECT'],
      ['leadlag.setting.k', 'current', 'DOCUMENT'],
    ]);
    expect(b.wb.getSetting('k')).toBe('current');
    expect(b.log).toEqual(['remove leadlag.setting.k PROJECT']);
  });

  test('a value that would pass the spreadsheet’s 30,000 characters of metadata is refused before anything is written', () => {
    const { wb, log } = spreadsheet([['leadlag.setting.big', 'x'.repeat(20000), 'DOCUMENT']]);
    expect(wb.settingRoom('other')).toBe(30000 - 'leadlag.setting.big'.length - 20000 - 'leadlag.setting.other'.length);
    expect(() => wb.setSetting('other', 'y'.repeat(10000))).toThrow(SettingsTooLarge);
    expect(log).toEqual([]);
    wb.setSetting('big', 'z'.repeat(29000)); // its own old value counts as free
    expect(log).toEqual([`setValue leadlag.setting.big=${'z'.repeat(29000)}`]);
  });
});

describe('charts in Sheets: one EmbeddedChartBuilder chain per chart', () => {
  /** A sheet whose charts, ranges and builders record what is done to them. */
  function chartSheet(existing: string[], size = { rows: 1000, cols: 26 }) {
    const calls: string[] = [];
    const show = (a: unknown[]) => a.map((x) => JSON.stringify(x)).join(',');
    let built = 0;
    const builder: Record<string, unknown> = new Proxy(
      {},
      {
        get:
          (_t, k) =>
          (...a: unknown[]) => {
            calls.push(`${String(k)}(${show(a)})`);
            return k === 'build' ? `chart${++built}` : builder;
          },
      },
    );
    const sheet = {
      getName: () => 'Scorecard',
      getCharts: () => (calls.push('getCharts()'), existing),
      removeChart: (c: string) => calls.push(`removeChart(${c})`),
      newChart: () => (calls.push('newChart()'), builder),
      insertChart: (c: string) => calls.push(`insertChart(${c})`),
      getRange: (a1: string) => (calls.push(`getRange(${a1})`), { a1 }),
      getMaxRows: () => size.rows,
      getMaxColumns: () => size.cols,
      insertRowsAfter: (after: number, n: number) => calls.push(`insertRowsAfter(${after},${n})`),
      insertColumnsAfter: (after: number, n: number) => calls.push(`insertColumnsAfter(${after},${n})`),
    };
    const port = new AppsScriptWorkbook({ getSheetByName: () => sheet } as never).sheet('Scorecard')!;
    return { port, calls };
  }

  const trend = {
    key: 'trend:nps',
    title: 'NPS against its target',
    kind: 'line' as const,
    range: 'A90:M92',
    dashed: [1],
    format: '0',
    colors: ['#1a73e8', '#9aa0a6'],
    anchor: { row: 95, col: 2 },
    width: 480,
    height: 280,
  };
  const link = {
    key: 'link:csat-sales',
    title: 'CSAT beside net sales two months later',
    kind: 'column' as const,
    range: 'A100:M102',
    lines: [1],
    rightAxis: [1],
    format: '£#,##0',
    rightFormat: '0%',
    anchor: { row: 95, col: 9 },
    width: 520,
    height: 280,
  };

  test('the old charts go; each new one is a transposed range with one header, its options, its anchor', () => {
    const { port, calls } = chartSheet(['old1', 'old2']);
    port.setCharts!([trend, link]);
    expect(calls).toEqual([
      'getCharts()',
      'removeChart(old1)',
      'removeChart(old2)',
      'newChart()',
      'asLineChart()',
      'getRange(A90:M92)',
      'addRange({"a1":"A90:M92"})',
      'setTransposeRowsAndColumns(true)',
      'setNumHeaders(1)',
      'setOption("title","NPS against its target")',
      'setOption("legend",{"position":"bottom"})',
      'setOption("width",480)',
      'setOption("height",280)',
      'setOption("useFirstColumnAsDomain",true)',
      'setOption("interpolateNulls",false)',
      'setOption("series",{"1":{"lineDashStyle":[6,4]}})',
      'setOption("vAxes",{"0":{"format":"0"}})',
      'setOption("colors",["#1a73e8","#9aa0a6"])',
      'setPosition(95,2,0,0)',
      'build()',
      'insertChart(chart1)',
      'newChart()',
      'asComboChart()',
      'getRange(A100:M102)',
      'addRange({"a1":"A100:M102"})',
      'setTransposeRowsAndColumns(true)',
      'setNumHeaders(1)',
      'setOption("title","CSAT beside net sales two months later")',
      'setOption("legend",{"position":"bottom"})',
      'setOption("width",520)',
      'setOption("height",280)',
      'setOption("useFirstColumnAsDomain",true)',
      'setOption("interpolateNulls",false)',
      'setOption("seriesType","bars")',
      'setOption("series",{"1":{"type":"line","targetAxisIndex":1}})',
      'setOption("vAxes",{"0":{"format":"£#,##0"},"1":{"format":"0%"}})',
      'setPosition(95,9,0,0)',
      'build()',
      'insertChart(chart2)',
    ]);
  });

  test('as many calls for a year of periods as for twenty years; an empty list only removes', () => {
    const wide = { rows: 1000, cols: 300 };
    const a = chartSheet([], wide);
    a.port.setCharts!([{ ...trend, range: 'A90:M92' }]);
    const b = chartSheet([], wide);
    b.port.setCharts!([{ ...trend, range: 'A90:IH92' }]);
    expect(b.calls.length).toBe(a.calls.length);
    const c = chartSheet(['old']);
    c.port.setCharts!([]);
    expect(c.calls).toEqual(['getCharts()', 'removeChart(old)']);
  });

  test('a chart past the grid grows it first; a bad anchor is refused before anything is built', () => {
    const { port, calls } = chartSheet([], { rows: 100, cols: 26 });
    port.setCharts!([{ ...trend, range: 'A120:AB122', anchor: { row: 125, col: 2 } }]);
    expect(calls.slice(1, 3)).toEqual(['insertRowsAfter(100,25)', 'insertColumnsAfter(26,2)']);
    const bad = chartSheet([]);
    expect(() => bad.port.setCharts!([{ ...trend, anchor: { row: 0, col: 2 } }])).toThrow(/rows and columns start at 1/);
    expect(() => bad.port.setCharts!([{ ...trend, range: 'A90:M' }])).toThrow(/closed range such as A90:M93/);
    expect(bad.calls.filter((c) => c.startsWith('newChart'))).toEqual([]);
  });

  test('axis formats reach Google Charts as ICU patterns: the scorecard’s money, percent and point formats', () => {
    // The formats the scorecard's rows carry (layout.ts: moneyFormat, MEASURES' formats) and others a cell may have.
    const cases: [string | undefined, string | undefined][] = [
      ['"£"#,##0', '£#,##0'],
      ['"£"#,##0.00', '£#,##0.00'],
      ['"CHF "#,##0', 'CHF #,##0'],
      ['[$€-407]#,##0.00', '€#,##0.00'],
      ['\\£0', '£0'],
      ['0.0%', '0.0%'],
      ['0%', '0%'],
      ['0', '0'],
      ['0.00', '0.00'],
      ['#,##0', '#,##0'],
      ['#,##0;(#,##0)', '#,##0'],
      ['[Red]0.00', '0.00'],
      ['0_)', '0'],
      ['0 "pts"', '0 pts'],
      // Literal text holding a pattern character is quoted, as ICU quotes it.
      ['"x.y"0', "'x.y'0"],
      ['"it\'s "0', "'it''s '0"],
      // No ICU form: Sheets keeps the axis in the source cells' format.
      ['0.0,,"M"', undefined],
      ['#,##0,"k"', undefined],
      ['yyyy-mm-dd', undefined],
      ['mmm yyyy', undefined],
      ['@', undefined],
      ['General', undefined],
      ['', undefined],
      [undefined, undefined],
    ];
    for (const [sheets, icu] of cases) expect([sheets, chartAxisFormat(sheets)]).toEqual([sheets, icu]);
    const money = chartOptions({ ...trend, format: '"£"#,##0', rightAxis: [1], rightFormat: 'mmm yyyy' });
    expect(money.find(([k]) => k === 'vAxes')).toEqual(['vAxes', { 0: { format: '£#,##0' } }]);
    // A right format without a series on the right axis is not sent; nor an axis with no ICU form.
    expect(chartOptions({ ...trend, format: 'General', rightFormat: '0%' }).find(([k]) => k === 'vAxes')).toBeUndefined();
  });
});
