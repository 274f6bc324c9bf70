import fc from 'fast-check';
import { chainOf, goalTree } from '../../../src/core/goals/tree';
import { rollUp } from '../../../src/core/goals/rollup';
import { InputError } from '../../../src/core/values/errors';
import { errorOf } from '../helpers';

const at = (i: number) => `row ${i + 2}`;

describe('the tree of goals', () => {
  const ids = ['O1', 'KR1', 'O2', 'KR2', 'KR3', 'O3'];
  const parents = ['', 'O1', 'kr1', 'O2', 'O1', ''];
  const tree = goalTree(ids, parents, at);

  test('lists each goal under the one it contributes to, depth first, siblings in row order; IDs match ignoring case', () => {
    expect(tree.order.map((i) => ids[i])).toEqual(['O1', 'KR1', 'O2', 'KR2', 'KR3', 'O3']);
    expect([...tree.depth]).toEqual([0, 1, 2, 3, 1, 0]);
    expect(tree.children[0].map((i) => ids[i])).toEqual(['KR1', 'KR3']);
  });

  test('a chain reads from the goal up to its company goal, in words', () => {
    const names = ['Grow revenue 15%', 'Referral score from 20 to 35', '  Reply to every 1–2 star review within 2 days ', '', 'x', 'y'];
    expect(chainOf(tree, 2, names, ids)).toBe(
      'Reply to every 1–2 star review within 2 days → Referral score from 20 to 35 → Grow revenue 15%',
    );
    // A goal without words is named by its ID.
    expect(chainOf(tree, 3, names, ids)).toBe(
      'KR2 → Reply to every 1–2 star review within 2 days → Referral score from 20 to 35 → Grow revenue 15%',
    );
  });

  test('a missing parent, a duplicate ID, a parent without an ID and a goal its own parent are errors naming the row', () => {
    expect(errorOf(() => goalTree(['O1', 'KR1'], ['', 'O9'], at)).message).toBe(
      'the goal "KR1" (row 3) names the parent "O9", which is not the ID of any goal; give the ID of the goal it contributes to, or leave the parent blank for a company objective',
    );
    expect(errorOf(() => goalTree(['O1', 'KR1', 'o1'], ['', 'O1', ''], at)).message).toMatch(/^row 2 and row 4 both have the ID "o1"/);
    expect(errorOf(() => goalTree(['O1', ''], ['', 'O1'], at)).message).toMatch(/^row 3 names the parent "O1" but has no ID/);
    expect(errorOf(() => goalTree(['O1'], ['O1'], at)).message).toMatch(/^the goal "O1" \(row 2\) names itself as its parent/);
  });

  test('a loop names its first row and the loop', () => {
    const e = errorOf(() => goalTree(['O1', 'A', 'B', 'C', 'D'], ['', 'C', 'A', 'B', 'A'], at));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(
      'the goal "A" (row 3) is part of a loop of parents: A → C → B → A (each names the next as the goal it contributes to); one of them must contribute to a goal outside the loop, or to none',
    );
  });

  test('blank rows are left out', () => {
    const t = goalTree(['O1', '', 'KR1'], ['', '', 'O1'], at);
    expect(t.order).toEqual([0, 2]);
    expect(t.depth[1]).toBe(-1);
  });
});

/** A random forest: each goal's parent is an earlier goal or none, IDs shuffled into random rows. */
const forest = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.record({
      parent: fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 }))),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ parent, order }) => {
    // Goal k (parent[k] < k) sits in row order[k].
    const n = parent.length;
    const ids = new Array<string>(n);
    const parents = new Array<string>(n);
    for (let k = 0; k < n; k++) {
      ids[order[k]] = `G${k}`;
      parents[order[k]] = parent[k] < 0 ? '' : `G${parent[k]}`;
    }
    return { ids, parents };
  });

describe('properties', () => {
  test('every forest is a tree: each goal once, each under its parent, one level deeper', () => {
    fc.assert(
      fc.property(forest, ({ ids, parents }) => {
        const t = goalTree(ids, parents, at);
        expect([...t.order].sort((a, b) => a - b)).toEqual(ids.map((_, i) => i));
        const pos = new Map(t.order.map((i, k) => [i, k]));
        ids.forEach((_, i) => {
          const p = t.parent[i];
          if (p < 0) return expect(parents[i]).toBe('');
          expect(ids[p]).toBe(parents[i]);
          expect(t.depth[i]).toBe(t.depth[p] + 1);
          expect(pos.get(p)!).toBeLessThan(pos.get(i)!);
        });
      }),
    );
  });

  test('a roll-up score is the weighted mean of its children that have a score; a goal with its own keeps it', () => {
    const score = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    const weight = fc.option(fc.double({ min: 0.01, max: 10, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        forest.chain((f) =>
          fc.record({
            f: fc.constant(f),
            own: fc.array(score, { minLength: f.ids.length, maxLength: f.ids.length }),
            w: fc.array(weight, { minLength: f.ids.length, maxLength: f.ids.length }),
          }),
        ),
        ({ f, own, w }) => {
          const t = goalTree(f.ids, f.parents, at);
          const s = rollUp(t, own, w, at);
          f.ids.forEach((_, i) => {
            if (own[i] !== null) return expect(s[i]).toBe(own[i]);
            const scored = t.children[i].filter((c) => s[c] !== null);
            if (!scored.length) return expect(s[i]).toBeNull();
            const total = scored.reduce((a, c) => a + (w[c] ?? 1), 0);
            const mean = scored.reduce((a, c) => a + (w[c] ?? 1) * s[c]!, 0) / total;
            expect(s[i]).toBeCloseTo(mean, 12);
            expect(s[i]!).toBeGreaterThanOrEqual(Math.min(...scored.map((c) => s[c]!)) - 1e-12);
            expect(s[i]!).toBeLessThanOrEqual(Math.max(...scored.map((c) => s[c]!)) + 1e-12);
          });
        },
      ),
    );
  });

  test('a missing parent is an error naming its row', () => {
    fc.assert(
      fc.property(forest, fc.nat(), ({ ids, parents }, pick) => {
        const row = pick % ids.length;
        const broken = parents.slice();
        broken[row] = 'NOT-AN-ID';
        const e = errorOf(() => goalTree(ids, broken, at));
        expect(e.message.startsWith(`the goal "${ids[row]}" (${at(row)}) names the parent "NOT-AN-ID"`)).toBe(true);
      }),
    );
  });

  test('a loop is an error naming a row in the loop, and the loop', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), ({ ids, parents }, a, b) => {
        // Point goal x at one of its descendants (or itself): a loop through x.
        const t = goalTree(ids, parents, at);
        const x = a % ids.length;
        const below: number[] = [];
        const walk = (i: number) => {
          below.push(i);
          t.children[i].forEach(walk);
        };
        walk(x);
        const y = below[b % below.length];
        const broken = parents.slice();
        broken[x] = ids[y];
        const loop: number[] = [];
        for (let k = y; ; k = t.parent[k]) {
          loop.push(k);
          if (k === x) break;
        }
        const e = errorOf(() => goalTree(ids, broken, at));
        if (x === y)
          return expect(e.message).toBe(
            `the goal "${ids[x]}" (${at(x)}) names itself as its parent; give the ID of the goal it contributes to`,
          );
        const first = Math.min(...loop);
        expect(e.message.startsWith(`the goal "${ids[first]}" (${at(first)}) is part of a loop of parents: ${ids[first]} → `)).toBe(true);
        for (const k of loop) expect(e.message).toContain(ids[k]);
      }),
    );
  });
});
