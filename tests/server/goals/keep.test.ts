import { keyedFootprint, readBackKeyed } from '../../../src/server/goals/keep';

describe('what a rebuild keeps: typed columns by key, and what else was added', () => {
  // Row 1 a title, row 2 a header, rows 3–5 keyed by column A; column C is typed, D spills.
  const block = [
    [{ text: 'Title' }, null, null, null],
    [{ text: 'Key' }, { text: 'Value' }, { text: 'Note' }, { formula: 'F()' }],
    [{ text: 'a' }, { formula: 'X' }, null, null],
    [{ text: 'b' }, { formula: 'X' }, { text: 'kept b' }, null],
    [{ text: 'c' }, { formula: 'X' }, null, null],
  ];
  const f = keyedFootprint(block, [[2, 4, 5, 4]], { key: 0, first: 3, last: 5, typed: { note: 2 } });

  test('the footprint is rectangles: rows written alike are one', () => {
    expect(f.written).toEqual([
      [1, 1, 1, 1],
      [2, 1, 2, 4],
      [3, 1, 3, 2],
      [4, 1, 4, 3],
      [5, 1, 5, 2],
    ]);
    const many = keyedFootprint(
      Array.from({ length: 500 }, () => [{ text: 'x' }, { formula: 'Y' }]),
      [],
      { key: 0, first: 1, last: 500, typed: {} },
    );
    expect(many.written).toEqual([[1, 1, 500, 2]]);
  });

  test('typed cells are read back by the key of their row (moved rows too); anything else added is listed', () => {
    const values = [
      ['Title', '', '', ''],
      ['Key', 'Value', 'Note', 'spilled'],
      ['C ', 1, 'note of c', 'spilled'],
      ['a', 2, '', 'spilled'],
      ['b', 3, 'kept b', 'spilled', 'mine'],
      ['', '', 'orphan', ''],
    ];
    const r = readBackKeyed(values, f);
    expect([...r.typed]).toEqual([
      ['c', { note: 'note of c' }],
      ['b', { note: 'kept b' }],
    ]);
    expect(r.added).toEqual(['E5', 'C6']);
  });
});
