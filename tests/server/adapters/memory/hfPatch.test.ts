import { createHash } from 'node:crypto';
import { HyperFormula } from 'hyperformula';
import { WRITTEN_FOR, hyperFormulaPatched, patchHyperFormula } from '../../../../src/server/adapters/memory/hfPatch';
import { workbooks } from '../../../helpers/memoryWorkbook';

/**
 * The HyperFormula speed fix (src/server/adapters/memory/hfPatch.ts) replaces a private method. These tests
 * fail when that method is no longer the one the fix was written for (a HyperFormula upgrade: check whether
 * upstream fixed the quadratic walk, and drop the patch or write it anew), when the fix stops applying,
 * and when the patched engine computes or cleans up anything differently from the unpatched one.
 */

type Method = (this: unknown, vertex: unknown) => void;
interface Internals {
  readonly dependencyGraph: {
    readonly graph: { getNodes(): readonly { readonly constructor: { readonly name: string } }[] };
    readonly rangeMapping: { getNumberOfRangesInSheet(sheet: number): number };
    readonly sheetMapping: { getSheetNames(options: { includePlaceholders: boolean }): string[] };
    removeVertexAndCleanupDependencies: Method;
  };
}

const internals = (hf: HyperFormula) => hf as unknown as Internals;
const prototypeOf = (hf: HyperFormula) =>
  Object.getPrototypeOf(internals(hf).dependencyGraph) as { removeVertexAndCleanupDependencies: Method };
const fingerprint = (fn: unknown) => createHash('sha256').update(String(fn).replace(/\s+/g, ' ').trim()).digest('hex');

/**
 * A small sheet whose formulas are entered again, replaced and removed, so that ranges, empty cells and a
 * placeholder sheet (a reference to a sheet that does not exist) lose their last dependents; returns what
 * it computes and what the dependency graph holds afterwards.
 */
function scenario(hf: HyperFormula) {
  const data = hf.getSheetId(hf.addSheet('Data'))!;
  const out = hf.getSheetId(hf.addSheet('Out'))!;
  hf.setCellContents(
    { sheet: data, row: 0, col: 0 },
    Array.from({ length: 60 }, (_, i) => [i + 1]),
  );
  const formulas = [
    ['=SUM(Data!A1:A60)'],
    ['=SUM(Data!A1:A20)+SUM(Data!C1:C5)'],
    ['=SUM(Data!A10:A60)'],
    ['=Missing!A1+1'],
    ['=SUM(Data!A1:A60)'],
  ];
  hf.setCellContents({ sheet: out, row: 0, col: 0 }, formulas);
  const sheets = () => internals(hf).dependencyGraph.sheetMapping.getSheetNames({ includePlaceholders: true });
  const during = sheets();
  hf.setCellContents({ sheet: out, row: 0, col: 0 }, [['=SUM(Data!A1:A60)'], [7], [null], [null], ['=SUM(Data!A1:A30)']]);
  hf.setCellContents({ sheet: data, row: 0, col: 0 }, [[1001]]);
  const before = hf.getSheetValues(out);
  hf.setCellContents({ sheet: out, row: 0, col: 0 }, [[null], [null], [null], [null], [null]]);
  const nodes: Record<string, number> = {};
  for (const v of internals(hf).dependencyGraph.graph.getNodes()) nodes[v.constructor.name] = (nodes[v.constructor.name] ?? 0) + 1;
  return {
    before,
    after: hf.getSheetValues(out),
    nodes,
    ranges: internals(hf).dependencyGraph.rangeMapping.getNumberOfRangesInSheet(data),
    during,
    sheets: sheets(),
  };
}

let upstream: Method;
let unpatched: ReturnType<typeof scenario>;

beforeAll(() => {
  // Nothing has patched HyperFormula in this file's module registry yet: this is the engine as shipped.
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  upstream = prototypeOf(hf).removeVertexAndCleanupDependencies;
  expect(hyperFormulaPatched()).toBe(false);
  unpatched = scenario(hf);
  hf.destroy();
});

test('the installed HyperFormula has the method the patch was written for', () => {
  const why = `HyperFormula ${HyperFormula.version}'s ${WRITTEN_FOR.method} is not the one hfPatch.ts replaces (written for ${WRITTEN_FOR.hyperformula})`;
  expect({ why, sha256: fingerprint(upstream) }).toEqual({ why, sha256: WRITTEN_FOR.sha256 });
});

test('the patch applies, its path is taken, and the engine computes and cleans up as the unpatched one', () => {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  patchHyperFormula(hf);
  expect(hyperFormulaPatched()).toBe(true);
  const proto = prototypeOf(hf);
  const patched = proto.removeVertexAndCleanupDependencies;
  expect(patched).not.toBe(upstream);
  let taken = 0;
  proto.removeVertexAndCleanupDependencies = function (this: unknown, v: unknown) {
    taken++;
    return patched.call(this, v);
  };
  try {
    const result = scenario(hf);
    expect(taken).toBeGreaterThan(0);
    expect(result).toEqual(unpatched);
    expect(result.during).toEqual(['Data', 'Out', 'Missing']); // a placeholder for the sheet Missing! refers to
    expect(result.sheets).toEqual(['Data', 'Out']); // gone with its last reference
  } finally {
    proto.removeVertexAndCleanupDependencies = patched;
    hf.destroy();
  }
});

describe('in the memory workbook', () => {
  const { make } = workbooks();

  test('formulas entered again and removed still leave a correct graph', () => {
    const wb = make({ D: Array.from({ length: 3000 }, (_, i) => [i + 1]) });
    const s = wb.insertSheet('S');
    s.writeBlock(1, 1, [['=SUM(D!A1:A3000)', '=SUM(D!A1:A3000)']]);
    s.writeBlock(1, 1, [['=SUM(D!A1:A3000)', 7]]); // enters one again, removes the other
    wb.sheet('D')!.writeBlock(1, 1, [[1001]]);
    expect(wb.computedValues('S')).toEqual([[4501500 + 1000, 7]]);
    s.writeBlock(1, 1, [[null, null]]);
    wb.sheet('D')!.writeBlock(2, 1, [[0]]);
    expect(s.readValues()).toEqual([]);
    s.writeBlock(1, 1, [['=SUM(D!A1:A2)']]);
    expect(wb.computedAt('S', 'A1')).toBe(1001);
  });
});
