import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * No import circles in src/. The graph is every relative import of every TypeScript file, type-only ones
 * included (`import type`, `export type ... from`, `import('...')` types): eslint's import-x/no-cycle
 * skips those, but a circle of types is still two files that cannot be understood, moved or tested apart.
 */

const root = resolve(__dirname, '..', '..');
const src = join(root, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names (`./x` → x.ts or x/index.ts), or null for a package or a non-TypeScript file. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return null;
}

type Graph = ReadonlyMap<string, readonly string[]>;

/** Every file of src/ with the files it imports. */
function importGraph(dir: string): Graph {
  const graph = new Map<string, string[]>();
  for (const file of tsFiles(dir)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles.map((f) => resolveImport(file, f.fileName)).filter((f): f is string => f !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import circles of a graph (Tarjan's strongly connected components), each as one path round it. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(pathRound(graph, new Set(component), v));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** One circle through `start` inside a strongly connected component (a shortest one, by breadth-first search). */
function pathRound(graph: Graph, component: ReadonlySet<string>, start: string): string[] {
  const back = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let x = v; x !== start;) path.unshift((x = back.get(x)!));
        return [...path, start];
      }
      if (!back.has(w)) {
        back.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

test('the cycle finder names a circle, type-only or not, and passes a tree', () => {
  const g = new Map([
    ['a', ['b']],
    ['b', ['c', 'd']],
    ['c', ['a']],
    ['d', []],
    ['e', ['e']],
  ]);
  expect(cycles(g)).toEqual([
    ['a', 'b', 'c', 'a'],
    ['e', 'e'],
  ]);
  expect(
    cycles(
      new Map([
        ['a', ['b']],
        ['b', []],
      ]),
    ),
  ).toEqual([]);
  // `import type` counts: preProcessFile reports it like any other import.
  const info = ts.preProcessFile("import type { A } from './a';\nexport type { B } from './b';\ntype C = import('./c').C;", true, true);
  expect(info.importedFiles.map((f) => f.fileName)).toEqual(['./a', './b', './c']);
});

test('src/ has no import circles (type-only imports included)', () => {
  const graph = importGraph(src);
  expect(graph.size).toBeGreaterThan(100);
  const named = cycles(graph).map((c) => c.map((f) => relative(root, f)).join(' → '));
  expect(named).toEqual([]);
});
