import { READING } from '../../../src/core/results/actionResults';
import { MAX_GROUPS } from '../../../src/core/results/summary';
import { errorOf, run } from '../helpers';

/**
 * A tracker as IMPROVEMENT_RESULTS reads it, one column per argument, header first. As of 2026-05-15
 * (CTX's today), in 2026-Q2.
 */
const HEAD = ['Status', 'Opened', 'Closed', 'Source', 'Owner', 'Customer', 'Contact', 'Reply sent', 'Measured result', 'Unhappy again'];
const ACTIONS: string[][] = [
  // Closed in Q2, moved, told.
  [
    'done',
    '2026-04-01',
    '2026-04-11',
    'Survey response',
    'Ann',
    'Acme',
    'a@acme.example',
    '2026-04-12 10:00 to a@acme.example',
    `${READING.better}: beyond chance at 95% for 4 answers before, 4 after`,
    '',
  ],
  // Closed in Q2, no change, unhappy again, an address and no reply yet.
  [
    'Done',
    '2026-04-01',
    '2026-04-05',
    'Survey response',
    'Bob',
    'Brill',
    'b@brill.example',
    '',
    `${READING.same} (within routine variation: within chance at 95% for 3 answers before, 3 after)`,
    '2026-04-20: referral score 3 of 10',
  ],
  // Closed in Q1: in the totals, not in the sentence.
  [
    'done',
    '2026-01-10',
    '2026-02-09',
    'Review',
    'Ann',
    '',
    '',
    '',
    `${READING.few} (at least 3 low reviews needed before and after; 1 low review before, 0 after)`,
    '',
  ],
  // Closed in Q2 (in May), worse; "Could not tell" is not a customer unhappy again.
  [
    'done',
    '2026-04-20',
    '2026-05-01',
    'Review',
    'Ann',
    '',
    '',
    '',
    `${READING.worse}: beyond chance at 95% for 9 low reviews before, 8 after`,
    'Could not tell: row 7 of stars holds "six"',
  ],
  // Open: not counted.
  ['open', '2026-05-01', '', 'Survey response', 'Bob', 'Cato', 'c@cato.example', '', '', ''],
  // Closed after the as-of day, told; not measured.
  [
    'done',
    '2026-05-10',
    '2026-05-20',
    'Survey response',
    'Bob',
    'acme',
    'a@acme.example',
    '2026-05-20 09:00 to a@acme.example',
    `${READING.none}: name the lead measure the action should move`,
    '',
  ],
  // Dropped: not counted.
  ['dropped', '2026-03-01', '', 'Review', 'Cy', '', '', '', '', ''],
];
const columns = (rows: string[][]) => HEAD.map((h, j) => [[h], ...rows.map((r) => [r[j]])]);
const results = (rows = ACTIONS, ...more: unknown[]) => run('IMPROVEMENT_RESULTS', ...columns(rows), ...more) as unknown[][];
const trimmed = (grid: unknown[][]) =>
  grid.map((r) => {
    let n = r.length;
    while (n > 0 && (r[n - 1] === '' || r[n - 1] === null)) n--;
    return r.slice(0, n);
  });

describe('IMPROVEMENT_RESULTS: did the actions work', () => {
  test('the sentence for the period, the totals over every done action, and by source and by owner: median days to close', () => {
    expect(trimmed(results())).toEqual([
      ['3 actions closed this quarter (2026-Q2); 1 moved its measure; 1 moved it the wrong way; 1 customer told what changed'],
      [
        'Done',
        'Measured',
        'Moved (better)',
        'Moved (worse)',
        'No change',
        'Too few answers',
        'Share moved',
        'Reopened',
        'Replies sent',
        'Not told yet',
      ],
      // 5 done; 3 measured (better, worse, same); 1 of 5 moved = 20%; Brill unhappy again; 2 replies; Brill not told.
      [5, 3, 1, 1, 1, 1, '20%', 1, 2, 1],
      ['By source', 'Done', 'Median days to close', 'Moved (better)', 'Reopened'],
      ['Survey response', 3, 10, 1, 1], // 10, 4, 10 days
      ['Review', 2, 20.5, 0, 0], // 30 and 11 days
      ['By owner', 'Done', 'Median days to close', 'Moved (better)', 'Reopened'],
      ['Ann', 3, 11, 1, 0], // 10, 30, 11 days
      ['Bob', 2, 7, 0, 1], // 4 and 10 days
    ]);
  });

  test('every row is 10 wide, so the spill has one shape', () => {
    for (const r of results()) expect(r).toHaveLength(10);
  });

  test('period and as_of choose the sentence; the totals stay over every done action', () => {
    const month = results(ACTIONS, 'month');
    expect(month[0][0]).toBe(
      '1 action closed this month (2026-05); 0 moved their measure; 1 moved it the wrong way; 0 customers told what changed',
    );
    expect(month[2]).toEqual(results()[2]);
    // As of 2026-05-25 the action closed on 2026-05-20 is in the quarter, and Acme was told twice: one customer.
    expect(results(ACTIONS, 'quarter', '2026-05-25')[0][0]).toBe(
      '4 actions closed this quarter (2026-Q2); 1 moved its measure; 1 moved it the wrong way; 1 customer told what changed',
    );
    expect(results(ACTIONS, 'quarter', '2026-03-31')[0][0]).toBe(
      '1 action closed this quarter (2026-Q1); 0 moved their measure; 0 customers told what changed',
    );
    expect(results(ACTIONS, 'quarter', '2026-08-01')[0][0]).toBe('No action closed this quarter (2026-Q3) yet');
  });

  test('no done action: zeros, a blank share and no groups', () => {
    const open = ACTIONS.filter((r) => r[0] === 'open');
    expect(trimmed(results(open))).toEqual([
      ['No action closed this quarter (2026-Q2) yet'],
      [
        'Done',
        'Measured',
        'Moved (better)',
        'Moved (worse)',
        'No change',
        'Too few answers',
        'Share moved',
        'Reopened',
        'Replies sent',
        'Not told yet',
      ],
      [0, 0, 0, 0, 0, 0, '', 0, 0, 0],
    ]);
  });

  test(`more than ${MAX_GROUPS} owners: the largest ${MAX_GROUPS - 1} by done, then the rest added up as one line`, () => {
    const many = Array.from({ length: 12 }, (_, i) => {
      const r = [...ACTIONS[0]];
      r[4] = `Owner ${String.fromCharCode(65 + i)}`;
      r[2] = `2026-04-${String(2 + i).padStart(2, '0')}`; // 1 to 12 days
      return r;
    });
    const grid = trimmed(results([...many, [...ACTIONS[0]], [...ACTIONS[0]]]));
    const from = grid.findIndex((r) => r[0] === 'By owner');
    const owners = grid.slice(from + 1);
    expect(owners).toHaveLength(MAX_GROUPS);
    expect(owners[0]).toEqual(['Ann', 2, 10, 2, 0]); // the two of ACTIONS[0], 10 days each, first: most done
    expect(owners[MAX_GROUPS - 1][0]).toBe(`${12 - (MAX_GROUPS - 2)} others`);
    expect(owners[MAX_GROUPS - 1][1]).toBe(12 - (MAX_GROUPS - 2));
  });

  test('a done action whose Closed cannot be read is named by its row', () => {
    const bad = [[...ACTIONS[0]], [...ACTIONS[1]]];
    bad[1][2] = 'soon';
    expect(errorOf(() => results(bad)).message).toBe(
      'IMPROVEMENT_RESULTS: row 3 of closed holds "soon"; give the day each action was closed',
    );
  });
});
