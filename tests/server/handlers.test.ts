import { calls, type CallName, type ParsedArgs, type Results } from '../../src/rpc/contract';
import { definitionShape } from '../../src/core/scorecard/definition';
import { createHandlers, dispatch, type Handlers, type ServerDeps } from '../../src/server/handlers';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { ianaZone } from '../../src/server/adapters/memory/zone';

/** The sidebar's calls on the server (src/server/handlers.ts): dispatch against the contract, and the scorecard's handlers. */

const SALES = [
  ['Order date', 'Amount'],
  ['2026-01-15', 120],
  ['2026-02-03', 80],
  ['2026-03-10', 95],
];
const definition = { version: 1, sources: { sales: { sheet: 'Sales', columns: { date: 'Order date', amount: 'Amount' } } } };

function handlers(): { wb: MemoryWorkbook; h: Handlers } {
  const wb = MemoryWorkbook.fromGrids({ Sales: SALES });
  const deps: ServerDeps = { wb, spreadsheetName: () => 'Shop', timestamp: () => '2026-11-23 10:00', withLock: (fn) => fn() };
  return { wb, h: createHandlers(deps) };
}

test('a "build the scorecard" click goes through one zod parse of its arguments, in dispatch', () => {
  const { wb, h } = handlers();
  const schemas = [calls().buildScorecard.args, definitionShape()];
  const spies = schemas.flatMap((s) => [jest.spyOn(s, 'safeParse'), jest.spyOn(s, 'parse')]);
  try {
    const built = dispatch(h, 'buildScorecard', { definition }) as Results['buildScorecard'];
    expect(built).toMatchObject({ sheet: 'Scorecard', missing: [] });
    expect(spies.reduce((n, spy) => n + spy.mock.calls.length, 0)).toBe(1);
    expect(spies[0]).toHaveBeenCalledTimes(1); // the contract's schema, by dispatch
  } finally {
    spies.forEach((s) => s.mockRestore());
    wb.destroy();
  }
});

test('arguments that do not fit the contract stop in dispatch; the rules are the handler’s, in words', () => {
  const { wb, h } = handlers();
  try {
    expect(() => dispatch(h, 'buildScorecard', { definition: { ...definition, version: 'one' } })).toThrow(
      /^Leadlag could not use what the sidebar sent \(definition\.version: .+\)\. Reload the sidebar and try again\.$/,
    );
    expect(() => dispatch(h, 'showSheet', {})).toThrow(/could not use what the sidebar sent \(sheet: /);
    expect(() => dispatch(h, 'buildScorecard', { definition: { ...definition, periods: 99 } })).toThrow(
      'The scorecard settings are not valid: periods must be a whole number from 3 to 36',
    );
    expect(() => dispatch(h, 'nope', {})).toThrow('This version of Leadlag cannot do "nope"');
    expect(wb.sheetNames()).toEqual(['Sales']);
  } finally {
    wb.destroy();
  }
});

test('the handler table is typed by the contract: every call, its parsed arguments, its result', () => {
  type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
  const typed: [
    Same<keyof Handlers, CallName>,
    Same<Parameters<Handlers['buildScorecard']>[0], ParsedArgs<'buildScorecard'>>,
    Same<Parameters<NonNullable<Handlers['setAutomation']>>[0], ParsedArgs<'setAutomation'>>,
    Same<ReturnType<Handlers['home']>, Results['home']>,
  ] = [true, true, true, true];
  expect(typed).toEqual([true, true, true, true]);
});

test('east of UTC, a date cell reaches the sidebar as the day the spreadsheet shows, not the UTC instant (toISOString gave the day before)', () => {
  const tokyo = ianaZone('Asia/Tokyo');
  const wb = MemoryWorkbook.fromGrids(
    {
      Sales: [
        ['Order date', 'Amount'],
        [new Date(Date.UTC(2026, 0, 15) - 9 * 3600000), 120],
        [new Date(Date.UTC(2026, 1, 3, 1, 30) - 9 * 3600000), 80],
      ],
    },
    { zone: tokyo },
  );
  try {
    const h = createHandlers({ wb, spreadsheetName: () => 'Shop', timestamp: () => 'x', withLock: (fn) => fn(), zone: tokyo });
    const [t] = dispatch(h, 'readTables', {}) as Results['readTables'];
    expect(t.columns[0]).toEqual(['2026-01-15', '2026-02-03T01:30:00']);
  } finally {
    wb.destroy();
  }
});
