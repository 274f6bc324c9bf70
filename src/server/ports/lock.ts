/**
 * What asking for the document's lock gave:
 * - `locked`: held now, release it when done;
 * - `busy`: another execution kept it past the wait;
 * - `unavailable`: there is no document lock here (LockService.getDocumentLock() returns null "outside of
 *   the context of a containing document": https://developers.google.com/apps-script/reference/lock/lock-service).
 * Only `locked` lets the caller go on: without the lock, concurrent runs of the form-submit trigger append
 * the same responses and actions twice.
 */
export type LockOutcome = 'locked' | 'busy' | 'unavailable';

/** The document's lock (LockService.getDocumentLock; `adapters/memory/services.ts`): one holder at a time across executions. */
export interface LockPort {
  /** Waits up to `ms` for the lock. */
  acquire(ms: number): LockOutcome;
  /** Releases a lock `acquire` gave; does nothing otherwise. */
  release(): void;
}
