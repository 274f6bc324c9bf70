/** The document's lock (LockService.getDocumentLock; `adapters/memory/services.ts`): one holder at a time across executions. */
export interface LockPort {
  /** Waits up to `ms` for the lock; false when another execution still holds it. */
  tryLock(ms: number): boolean;
  release(): void;
}
