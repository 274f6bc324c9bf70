import type { TriggerInfo, TriggerKind, TriggersPort } from '../../ports/triggers';
import type { LockOutcome, LockPort } from '../../ports/lock';
import type { MailOptions, MailPort } from '../../ports/mail';
import { PROPERTIES_TOTAL_MAX_BYTES, PROPERTY_MAX_BYTES, utf8Bytes, type PropertiesPort } from '../../ports/properties';

/** An installed trigger as the twin keeps it: the spreadsheet of a form-submit trigger, none for a clock. */
export interface MemoryTrigger extends TriggerInfo {
  readonly source: string | null;
}

/**
 * Triggers in memory: what is installed, for tests to count and the automation twin to fire. One user's
 * triggers may be shared by several spreadsheets' twins (pass the same `installed`), as a clock is.
 */
export class MemoryTriggers implements TriggersPort {
  private next = 1;

  constructor(
    private readonly doc = 'memory-spreadsheet',
    readonly installed: MemoryTrigger[] = [],
  ) {}

  list(): TriggerInfo[] {
    return this.installed.map(({ source, ...t }) => ({ ...t, document: source === this.doc }));
  }

  install(kind: TriggerKind, handler: string): string {
    const id = `${this.doc}/trigger-${this.next++}`;
    this.installed.push({ id, kind, handler, document: false, source: kind === 'formSubmit' ? this.doc : null });
    return id;
  }

  remove(id: string): void {
    const i = this.installed.findIndex((t) => t.id === id);
    if (i < 0) throw new Error(`There is no trigger ${id}`);
    this.installed.splice(i, 1);
  }
}

/**
 * The document lock in one thread. Executions cannot block here, so the automation twin models an
 * execution that waits for the lock by starting it only once the lock is free (`whenFree`): as in Apps
 * Script, no two critical sections ever overlap, and a waiting execution runs after the holder.
 * `timeOut` makes acquire give up as if another execution held it past the wait; `noDocument` makes it
 * answer as LockService.getDocumentLock() does outside a document (null: no lock at all).
 */
export class MemoryLock implements LockPort {
  held = false;
  /** Times an execution found the lock held and waited. */
  waited = 0;
  /** Times acquire gave anything but the lock. */
  refused = 0;
  timeOut = false;
  noDocument = false;
  private readonly waiting: (() => void)[] = [];
  private mine = false;

  acquire(): LockOutcome {
    this.mine = false;
    if (this.noDocument) {
      this.refused++;
      return 'unavailable';
    }
    if (this.held || this.timeOut) {
      this.refused++;
      return 'busy';
    }
    this.held = this.mine = true;
    return 'locked';
  }

  release(): void {
    if (!this.mine) return;
    this.mine = false;
    this.held = false;
    const next = this.waiting.shift();
    if (next) next();
  }

  /** Runs fn now when the lock is free, else once it is released. */
  whenFree(fn: () => void): void {
    if (!this.held) return fn();
    this.waited++;
    this.waiting.push(fn);
  }
}

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** The HTML body, when the mail has one. */
  readonly htmlBody?: string;
  /** The sender's name as MailApp would show it: "Leadlag" by default, null for the user's own. */
  readonly senderName: string | null;
}

/**
 * Mail in memory: kept, not sent (the preview shows it). `failNext` makes the next send throw as MailApp does
 * when the day's quota is used up.
 */
export class MemoryMail implements MailPort {
  readonly sent: SentMail[] = [];
  failNext: string | null = null;
  send(to: string, subject: string, body: string, options: MailOptions = {}): void {
    if (this.failNext) {
      const why = this.failNext;
      this.failNext = null;
      throw new Error(why);
    }
    const senderName = options.senderName === undefined ? 'Leadlag' : options.senderName;
    this.sent.push({ to, subject, body, ...(options.htmlBody !== undefined ? { htmlBody: options.htmlBody } : {}), senderName });
  }
}

/** Properties in memory. Apps Script limits a value to 9 KB and a store to 500 KB: so does this. */
export class MemoryProperties implements PropertiesPort {
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    // As PropertiesService: a value over 9 KB (in UTF-8) is refused, and so is a store over 500 KB.
    if (utf8Bytes(value) > PROPERTY_MAX_BYTES) throw new Error(`Argument too large: ${key}`);
    let total = utf8Bytes(key) + utf8Bytes(value);
    for (const [k, v] of this.values) if (k !== key) total += utf8Bytes(k) + utf8Bytes(v);
    if (total > PROPERTIES_TOTAL_MAX_BYTES)
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.values.set(key, value);
  }
  remove(key: string): void {
    this.values.delete(key);
  }
  keys(): string[] {
    return [...this.values.keys()];
  }
}
