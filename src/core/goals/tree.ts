import { fail } from '../values/errors';

/**
 * Goals that connect (DOMAIN.md "Goals that connect"): each goal names the goal it contributes to, its
 * parent. A company objective has none; a function objective names a company objective or one of its key
 * results (the cascade of *Measure What Matters*: a key result one level up becomes an objective here); a
 * key result names the objective it measures. The goals must make a tree: every parent an ID of the table,
 * no goal its own ancestor.
 */
export interface GoalTree {
  /** Each row's parent row, -1 for a root (and for rows left blank). */
  readonly parent: Int32Array;
  /** Each row's children, in row order. */
  readonly children: readonly (readonly number[])[];
  /** Rows that are goals (a blank row is none), depth first from the roots: the order a sheet lists them in. */
  readonly order: readonly number[];
  /** How many goals stand above each row (0 for a root; -1 for a blank row). */
  readonly depth: Int32Array;
}

/** Where a row is, for a message: `row 7 of ids`, `sheet row 9 of "Goals"`. */
export type RowName = (index: number) => string;

/** A goal as a message names it: `the goal "KR-3" (row 7 of ids)`, or only where it is when it has no ID. */
export function goalLabel(ids: readonly string[], where: RowName): RowName {
  return (i) => (ids[i].trim() === '' ? where(i) : `the goal "${ids[i].trim()}" (${where(i)})`);
}

const norm = (id: string) => id.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The tree of `ids` and `parents` (parallel lists; '' for none). A row with neither is blank and left out.
 * Throws an InputError naming the row for: a parent without an ID, the same ID twice, a parent that is no
 * goal's ID, and a loop (a goal that contributes, through its parents, to itself). IDs match ignoring case
 * and extra spaces.
 */
export function goalTree(ids: readonly string[], parents: readonly string[], where: RowName): GoalTree {
  const n = ids.length;
  const name = goalLabel(ids, where);
  const at = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = norm(ids[i]);
    if (id === '') {
      if (norm(parents[i] ?? '') !== '')
        fail(`${name(i)} names the parent "${parents[i].trim()}" but has no ID; give each goal an ID such as O1 or KR1.2`);
      continue;
    }
    const seen = at.get(id);
    if (seen !== undefined)
      fail(`${where(seen)} and ${where(i)} both have the ID "${ids[i].trim()}"; give each goal its own ID, or remove the copy`);
    at.set(id, i);
  }
  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    if (norm(ids[i]) === '') continue;
    const p = norm(parents[i] ?? '');
    if (p === '') {
      roots.push(i);
      continue;
    }
    const j = at.get(p);
    if (j === undefined)
      fail(
        `${name(i)} names the parent "${parents[i].trim()}", which is not the ID of any goal; ` +
          'give the ID of the goal it contributes to, or leave the parent blank for a company objective',
      );
    if (j === i) fail(`${name(i)} names itself as its parent; give the ID of the goal it contributes to`);
    parent[i] = j;
    children[j].push(i);
  }
  // A loop has no root above it: every goal reachable from a root is in the tree, the rest are in loops.
  const depth = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const visit = (root: number) => {
    const stack: number[] = [root];
    depth[root] = 0;
    while (stack.length) {
      const i = stack.pop()!;
      order.push(i);
      const kids = children[i];
      for (let k = kids.length - 1; k >= 0; k--) {
        depth[kids[k]] = depth[i] + 1;
        stack.push(kids[k]);
      }
    }
  };
  for (const r of roots) visit(r);
  for (let i = 0; i < n; i++) {
    if (norm(ids[i]) === '' || depth[i] >= 0) continue;
    // Follow the parents from i until a row repeats: that row starts the loop.
    const seen = new Set<number>();
    let k = i;
    while (!seen.has(k)) {
      seen.add(k);
      k = parent[k];
    }
    const loop: number[] = [k];
    for (let m = parent[k]; m !== k; m = parent[m]) loop.push(m);
    const first = loop.indexOf(Math.min(...loop));
    const from = [...loop.slice(first), ...loop.slice(0, first)];
    const path = [...from, from[0]].map((m) => ids[m].trim()).join(' → ');
    fail(
      `${name(from[0])} is part of a loop of parents: ${path} (each names the next as the goal it contributes to); ` +
        'one of them must contribute to a goal outside the loop, or to none',
    );
  }
  return { parent, children, order, depth };
}

/**
 * The chain from a goal up to its company goal, in words: "Reply to every 1–2 star review within 2 days →
 * Referral score from 20 to 35 → Grow revenue 15%" (each name trimmed; `names[i]` blank: its ID).
 */
export function chainOf(tree: GoalTree, i: number, names: readonly string[], ids: readonly string[]): string {
  const parts: string[] = [];
  for (let k = i; k >= 0; k = tree.parent[k]) {
    const t = (names[k] ?? '').trim();
    parts.push(t === '' ? ids[k].trim() : t);
  }
  return parts.join(' → ');
}
