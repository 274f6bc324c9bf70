import type { HyperFormula } from 'hyperformula';

/**
 * A speed fix for HyperFormula 3.x, applied once per process by the memory workbook.
 *
 * When a formula is removed or entered again, `DependencyGraph.removeVertexAndCleanupDependencies`
 * walks the cells its ranges depended on with a Set, taking the first element and deleting it each
 * time. V8 skips the deleted slots at the front of a Set on every `values().next()`, so the walk is
 * quadratic in the size of the range: entering `=SUM(A1:A100000)` again took 4 s instead of 0.7 s.
 * The memory workbook enters formulas again whenever an array result changes size, so this mattered.
 *
 * The replacement does the same work with an array as the work list (the order does not change the
 * outcome: a vertex is checked again each time one of its dependents goes). It is applied only if the
 * installed HyperFormula still has the quadratic loop, recognised by its source text.
 *
 * For upstream to make this patch unnecessary: `removeVertexAndCleanupDependencies` in HyperFormula's
 * src/DependencyGraph/DependencyGraph.ts would use an array (or any stack) as its work list, pushing
 * `removeNode`'s results and popping them, instead of taking `values().next()` of a Set and deleting it.
 * Once a release does, this file goes (tests/server/adapters/memory/hfPatch.test.ts says when: it fails as
 * soon as the method differs from the one the patch was written for, WRITTEN_FOR).
 */

/**
 * The upstream method the patch replaces: the HyperFormula release it was written against, and the
 * SHA-256 of the method's source text (`String(fn)`, runs of whitespace collapsed to one space).
 */
export const WRITTEN_FOR = {
  hyperformula: '3.5.0',
  method: 'DependencyGraph.prototype.removeVertexAndCleanupDependencies',
  sha256: '2b6b1d261181686f31f9c33384300dde441fd26511e8ccd64439942d7762a511',
} as const;

interface Vertex {
  readonly constructor: { readonly name: string };
  readonly sheet?: number;
}
type Dependency = [unknown, Vertex];

interface DependencyGraphInternals {
  graph: {
    removeNode(v: unknown): Dependency[];
    hasNode(v: unknown): boolean;
    adjacentNodesCount(v: unknown): number;
  };
  rangeMapping: { removeVertexIfExists(v: unknown): void };
  addressMapping: { removeCell(address: unknown): void };
  cleanupPlaceholderSheets(sheets: Set<number>): void;
  removeVertexAndCleanupDependencies(v: unknown): void;
}

let done = false;
let applied = false;

/** Whether the fix is in use (false when the installed HyperFormula no longer needs it). */
export function hyperFormulaPatched(): boolean {
  return applied;
}

function isAddress(a: unknown): a is { sheet: number; row: number; col: number } {
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof (a as { sheet?: unknown }).sheet === 'number' &&
    typeof (a as { row?: unknown }).row === 'number'
  );
}

export function patchHyperFormula(engine: HyperFormula): void {
  if (done) return;
  done = true;
  const graph = (engine as unknown as { dependencyGraph?: object }).dependencyGraph;
  if (!graph) return;
  const proto = Object.getPrototypeOf(graph) as DependencyGraphInternals;
  const original = proto.removeVertexAndCleanupDependencies;
  const source = typeof original === 'function' ? String(original) : '';
  if (
    typeof proto.cleanupPlaceholderSheets !== 'function' ||
    !source.includes('dependencies.values().next().value') ||
    !source.includes('RangeVertex') ||
    !source.includes('EmptyCellVertex')
  )
    return;
  proto.removeVertexAndCleanupDependencies = function (this: DependencyGraphInternals, input: unknown): void {
    const work = this.graph.removeNode(input);
    const affectedSheets = new Set<number>();
    while (work.length) {
      const [address, vertex] = work.pop()!;
      if (!this.graph.hasNode(vertex) || this.graph.adjacentNodesCount(vertex) !== 0) continue;
      const kind = vertex.constructor.name;
      if (kind === 'RangeVertex' || kind === 'EmptyCellVertex') for (const d of this.graph.removeNode(vertex)) work.push(d);
      if (kind === 'RangeVertex') {
        this.rangeMapping.removeVertexIfExists(vertex);
        if (typeof vertex.sheet === 'number') affectedSheets.add(vertex.sheet);
      } else if (kind === 'EmptyCellVertex' && isAddress(address)) {
        this.addressMapping.removeCell(address);
        affectedSheets.add(address.sheet);
      }
    }
    this.cleanupPlaceholderSheets(affectedSheets);
  };
  applied = true;
}
