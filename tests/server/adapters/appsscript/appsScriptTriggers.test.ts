import { appsScriptTriggers } from '../../../../src/server/adapters/appsscript/appsScriptTriggers';

/**
 * The triggers adapter (src/server/adapters/appsscript/appsScriptTriggers.ts) against a stand-in of
 * ScriptApp that records the calls: which triggers are ours, and how they are installed.
 */
const g = globalThis as Record<string, unknown>;

describe('the triggers adapter over ScriptApp', () => {
  test('a zone Apps Script refuses ("An invalid timezone string causes the script to throw") leaves the clock in the script’s zone', () => {
    const log: string[] = [];
    const builder: Record<string, unknown> = new Proxy(
      {},
      {
        get: (_t, k) =>
          k === 'create'
            ? () => (log.push('create'), { getUniqueId: () => '1' })
            : k === 'inTimezone'
              ? () => {
                  throw new Error('Invalid argument: timezone');
                }
              : () => builder,
      },
    );
    g.ScriptApp = { WeekDay: { MONDAY: 'MONDAY' }, newTrigger: () => builder };
    expect(
      appsScriptTriggers({ getId: () => 'SS', getSpreadsheetTimeZone: () => 'Mars/Olympus' } as never).install('weekly', 'leadlagWeekly'),
    ).toBe('1');
    expect(log).toEqual(['create']);
  });

  afterEach(() => {
    delete g.ScriptApp;
  });

  test("triggers: this spreadsheet's form-submit ones and the clocks; installed as form-submit on the spreadsheet and weekly", () => {
    const t = (id: string, type: string, handler: string, source: string | null) => ({
      getUniqueId: () => id,
      getEventType: () => type,
      getHandlerFunction: () => handler,
      getTriggerSourceId: () => source,
    });
    const mine = t('1', 'ON_FORM_SUBMIT', 'leadlagFormSubmit', 'SS');
    const log: string[] = [];
    const builder: Record<string, unknown> = new Proxy(
      {},
      {
        get: (_t, k) =>
          k === 'create'
            ? () => (log.push('create'), t('9', 'CLOCK', 'x', null))
            : (...a: unknown[]) => (log.push(`${String(k)}(${a.join(',')})`), builder),
      },
    );
    g.ScriptApp = {
      EventType: { ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', CLOCK: 'CLOCK' },
      WeekDay: { MONDAY: 'MONDAY' },
      getUserTriggers: () => [mine],
      getProjectTriggers: () => [
        mine,
        t('2', 'ON_FORM_SUBMIT', 'leadlagFormSubmit', 'OTHER'),
        t('3', 'CLOCK', 'leadlagWeekly', null),
        t('4', 'ON_OPEN', 'x', 'SS'),
      ],
      newTrigger: (h: string) => (log.push(`newTrigger(${h})`), builder),
      deleteTrigger: (x: { getUniqueId(): string }) => log.push(`delete(${x.getUniqueId()})`),
    };
    const ss = { getId: () => 'SS', getSpreadsheetTimeZone: () => 'Asia/Tokyo' };
    const port = appsScriptTriggers(ss as never);
    expect(port.list()).toEqual([
      { id: '1', kind: 'formSubmit', handler: 'leadlagFormSubmit', document: true },
      { id: '2', kind: 'formSubmit', handler: 'leadlagFormSubmit', document: false },
      { id: '3', kind: 'weekly', handler: 'leadlagWeekly', document: false },
    ]);
    expect(port.install('formSubmit', 'leadlagFormSubmit')).toBe('9');
    expect(port.install('weekly', 'leadlagWeekly')).toBe('9');
    port.remove('3');
    port.remove('nope');
    expect(log).toEqual([
      'newTrigger(leadlagFormSubmit)',
      'forSpreadsheet([object Object])',
      'onFormSubmit()',
      'create',
      'newTrigger(leadlagWeekly)',
      'timeBased()',
      'onWeekDay(MONDAY)',
      'atHour(8)',
      // Monday 8–9 h in the spreadsheet's zone, not the script's (a clock's default).
      'inTimezone(Asia/Tokyo)',
      'create',
      'delete(3)',
    ]);
  });
});
