import { appsScriptLock, effectiveUserEmail, withDocumentLock } from '../../../../src/server/adapters/appsscript/appsScriptServices';
import { UserError } from '../../../../src/server/handlers';

/**
 * The lock, the user's address and the properties over their Apps Script services: the lock fails closed
 * (getDocumentLock() null outside a document: no lock, no processing), the user's address is '' where
 * Apps Script does not give it.
 */
const g = globalThis as Record<string, unknown>;

function lockService(lock: { tryLock(ms: number): boolean; releaseLock(): void } | null, log: string[]) {
  g.LockService = { getDocumentLock: () => lock };
  g.SpreadsheetApp = { flush: () => log.push('flush') };
}

describe('the document lock', () => {
  afterEach(() => {
    delete g.LockService;
    delete g.SpreadsheetApp;
    delete g.Session;
  });

  test('null outside a document: unavailable, never "locked" (older versions went ahead without it)', () => {
    lockService(null, []);
    const port = appsScriptLock();
    expect(port.acquire(30000)).toBe('unavailable');
    port.release(); // nothing to release: no throw
    expect(() => withDocumentLock(() => 'built')).toThrow(UserError);
    expect(() => withDocumentLock(() => 'built')).toThrow(/no lock on this spreadsheet/);
  });

  test('held by another execution past the wait: busy; held: locked, flushed and released once', () => {
    const log: string[] = [];
    let free = false;
    lockService({ tryLock: (ms) => (log.push(`tryLock ${ms}`), free), releaseLock: () => log.push('release') }, log);
    const port = appsScriptLock();
    expect(port.acquire(30000)).toBe('busy');
    port.release();
    free = true;
    expect(port.acquire(30000)).toBe('locked');
    port.release();
    port.release();
    expect(log).toEqual(['tryLock 30000', 'tryLock 30000', 'flush', 'release']);
    expect(withDocumentLock(() => 'built')).toBe('built');
  });

  test('the user’s address, or "" where Apps Script does not give it (a missing scope throws)', () => {
    g.Session = { getEffectiveUser: () => ({ getEmail: () => 'ana@example.com' }) };
    expect(effectiveUserEmail()).toBe('ana@example.com');
    g.Session = {
      getEffectiveUser: () => {
        throw new Error('You do not have permission to call Session.getEffectiveUser');
      },
    };
    expect(effectiveUserEmail()).toBe('');
  });
});
