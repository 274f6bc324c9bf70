import fc from 'fast-check';
import { TextIds } from '../../../src/core/values/textIds';

describe('TextIds', () => {
  test('numbers texts by first appearance', () => {
    const ids = new TextIds();
    expect(['SO-1', 'SO-2', 'SO-1', '', 'so-1', ''].map((s) => ids.id(s))).toEqual([0, 1, 0, 2, 3, 2]);
    expect(ids.size).toBe(4);
    expect(ids.text(1)).toBe('SO-2');
  });

  test('gives what a Map gives, on any texts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a', 'b', 'SO-1', 'SO-10')), { maxLength: 400 }),
        (texts) => {
          const ids = new TextIds(1);
          const byMap = new Map<string, number>();
          for (const s of texts) {
            if (!byMap.has(s)) byMap.set(s, byMap.size);
            expect(ids.id(s)).toBe(byMap.get(s));
          }
          expect(ids.size).toBe(byMap.size);
        },
      ),
    );
  });

  test('grows past many ids in a row, and texts whose hashes collide stay apart', () => {
    const ids = new TextIds();
    for (let i = 0; i < 100_000; i++) expect(ids.id(`SO-${100000 + i}`)).toBe(i);
    for (let i = 0; i < 100_000; i += 997) expect(ids.id(`SO-${100000 + i}`)).toBe(i);
    // "Aa" and "BB" have the same 31-based hash, as do their concatenations.
    const same = ['AaAa', 'AaBB', 'BBAa', 'BBBB'];
    const c = new TextIds();
    expect(same.map((s) => c.id(s))).toEqual([0, 1, 2, 3]);
    expect(same.map((s) => c.id(s))).toEqual([0, 1, 2, 3]);
  });
});
