import type { TimeZone } from '../../../core/time/zone';
import { contextFor } from '../../../functions/context';
import type { WorkbookPort } from '../../ports/workbook';
import { TRIGGER_HANDLERS, readRecord, type Automation, type AutomationContext } from '../../survey/automation';
import { LINKS, findOwn } from '../../tracker/sheets';
import { onFormSubmit, onWeekly } from '../../survey/run';
import type { TriggerKind } from '../../ports/triggers';
import type { LockPort } from '../../ports/lock';
import { MemoryForms, type Answers } from './forms';
import { ianaZone } from './zone';
import { MemoryLock, MemoryMail, MemoryProperties, MemoryTriggers, type MemoryTrigger } from './services';
import type { MemoryWorkbook } from './memoryWorkbook';

export interface MemoryAutomationOptions {
  /** The spreadsheet's time zone and locale: default the workbook's own zone and en_GB (a spreadsheet has one zone). */
  readonly zone?: TimeZone;
  readonly locale?: string;
  /** The effective user's address as Session gives it ('' where Apps Script does not). */
  readonly userEmail?: string;
  /**
   * Whether the weekly clock runs with the spreadsheet open to it. An add-on's clock trigger belongs to the
   * script, not to a document (default false), so there it only sends mail; with one it also processes
   * whatever responses are pending.
   */
  readonly clockHasDocument?: boolean;
  /** The clock (default Date.now). */
  readonly now?: () => number;
  readonly spreadsheetName?: string;
  /** What the server's calls see instead of the workbook (tests wrap it to interleave executions). */
  readonly port?: WorkbookPort;
  /** Links to the forms (default /forms/ID and /forms/ID/edit, for the preview to serve). */
  readonly url?: (id: string, edit: boolean) => string;
  /** The lock the handlers take instead of the twin's (tests show what happens without one). */
  readonly lock?: LockPort;
  /** The user's properties and triggers, to share between twins (one user, several spreadsheets). */
  readonly userProps?: MemoryProperties;
  readonly triggers?: MemoryTrigger[];
  readonly documentId?: string;
}

const CUSTOMERS = ['Northwind Traders', 'Acme Ltd', 'Blue Harbour Foods', 'Kestrel Engineering', 'Greenleaf Dental', 'Orbit Logistics'];
const PRAISE = ['Quick answers when we call', 'The quality is consistent', 'Delivery is reliable', 'Friendly, knowledgeable people'];
const GRIPES = [
  'Invoices are often wrong',
  'Deliveries arrive late',
  'Hard to reach anyone after 4pm',
  'nothing',
  'Prices went up without notice',
  '=HYPERLINK("http://example.com","see our ticket")',
];
const HOPES = ['Fewer stock-outs', 'Less admin for my team', 'A supplier we do not have to chase'];

/**
 * The automation in memory, for tests and the local preview: the Forms, trigger, lock, mail and property
 * twins behind one Automation, and the Apps Script runtime's part: firing the installed triggers when a
 * response arrives or a week passes. A trigger's execution that finds the lock held waits (it starts once the
 * lock is released), as a real one blocks in tryLock.
 */
export class MemoryAutomation {
  readonly forms: MemoryForms;
  readonly triggers: MemoryTriggers;
  readonly lock = new MemoryLock();
  readonly mail = new MemoryMail();
  readonly props = new MemoryProperties();
  /** The user's properties: shared by every workbook twin given the same (as a user's are by their spreadsheets). */
  readonly userProps: MemoryProperties;
  readonly automation: Automation;
  /** Trigger executions run, by handler. */
  readonly runs: Record<string, number> = {};
  private readonly now: () => number;
  private seed = 1;

  constructor(
    readonly wb: MemoryWorkbook,
    private readonly options: MemoryAutomationOptions = {},
  ) {
    this.forms = new MemoryForms(wb, options.url);
    this.userProps = options.userProps ?? new MemoryProperties();
    const id = options.documentId ?? 'memory-spreadsheet';
    this.triggers = new MemoryTriggers(id, options.triggers);
    this.now = options.now ?? (() => Date.now());
    const zone = options.zone ?? wb.zone;
    const ctx = contextFor({ zone, locale: options.locale ?? 'en_GB', now: this.now });
    // "2026-11-23 10:04" in the spreadsheet's zone, as Utilities.formatDate gives it in Apps Script.
    const stamp = () => {
      const t = this.now();
      const local = new Date(t + zone.offsetMinutes(t) * 60000).toISOString();
      return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
    };
    this.automation = {
      forms: this.forms,
      triggers: this.triggers,
      lock: options.lock ?? this.lock,
      mail: this.mail,
      props: this.props,
      userProps: this.userProps,
      doc: () => ({ id, url: `/spreadsheets/${id}` }),
      dates: ctx.dates,
      today: ctx.today,
      stamp,
      simulate: (n) => this.simulate(n),
      userEmail: () => options.userEmail ?? '',
    };
  }

  /** What the trigger handlers run with. */
  context(): AutomationContext {
    return { wb: this.options.port ?? this.wb, auto: this.automation, spreadsheet: this.options.spreadsheetName ?? 'Example spreadsheet' };
  }

  /** The installed triggers of a kind run, as Apps Script runs them (none installed: nothing happens). */
  fire(kind: TriggerKind): void {
    for (const t of this.triggers.list()) {
      if (t.kind !== kind || t.handler !== TRIGGER_HANDLERS[kind] || (kind === 'formSubmit' && !t.document)) continue;
      this.lock.whenFree(() => {
        this.runs[t.handler] = (this.runs[t.handler] ?? 0) + 1;
        if (kind === 'formSubmit') onFormSubmit(this.context());
        else onWeekly({ ...this.automation, todayIn: (z) => this.todayIn(z) }, this.options.clockHasDocument ? this.context() : null);
      });
    }
  }

  /** Today in a zone, as the weekly clock works it out for a spreadsheet's mailbox (Utilities.formatDate in Apps Script). */
  private todayIn(zone: string): number {
    try {
      return contextFor({ zone: ianaZone(zone), locale: null, now: this.now }).today();
    } catch {
      return this.automation.today();
    }
  }

  /** A respondent submits a form: the row lands in its response sheet, then the form-submit trigger fires. */
  submit(formId: string, answers: Answers, at = new Date(this.now())): void {
    this.forms.submit(formId, answers, at);
    this.fire('formSubmit');
  }

  /** The pre-filled links of the "Survey links" sheet, by form id: how customers reach the forms. */
  private links(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const name = findOwn(this.wb, LINKS);
    const grid = name ? this.wb.sheet(name)!.readValues() : [];
    for (const row of grid.slice(1)) {
      const url = String(row[3] ?? '');
      const id = /\/forms\/([^/?]+)/.exec(url)?.[1];
      if (id) out.set(id, [...(out.get(id) ?? []), url]);
    }
    return out;
  }

  /**
   * `count` plausible responses to the latest survey's forms, some of them unhappy (a detractor, a "worse",
   * a complaint, one comment that looks like a formula), each submitted through the trigger; where the
   * "Survey links" sheet has links, each through a customer's own link (their company and role filled in).
   * Repeatable: the answers come from a seeded sequence.
   */
  simulate(count: number): number {
    const record = readRecord(this.props);
    const forms = record ? record.forms.filter((f) => f.run === record.run) : [];
    if (!forms.length) throw new Error('Create a survey first.');
    const links = this.links();
    const rnd = () => {
      this.seed = (Math.imul(this.seed ^ (this.seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
      return ((this.seed >>> 0) % 10007) / 10007;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    for (let i = 0; i < count; i++) {
      const f = pick(forms);
      const spec = this.forms.forms.get(f.id)!.spec;
      const roles = spec.role ? [spec.role] : spec.items.find((x) => x.q === 'role')!.choices;
      const referral = Math.min(10, Math.floor(rnd() * 6) + Math.floor(rnd() * 6));
      const own = links.get(f.id);
      const filled = own?.length ? this.forms.prefillOf(pick(own)) : {};
      this.submit(
        f.id,
        {
          customer: pick(CUSTOMERS),
          role: pick(roles),
          ...filled,
          contact: rnd() < 0.4 ? 'buyer@customer.example' : '',
          referral,
          comparison: referral >= 9 ? 'Better' : referral <= 4 && rnd() < 0.5 ? 'Worse' : 'About the same',
          csat: Math.max(1, Math.min(5, Math.round(referral / 2))),
          satisfies: pick(PRAISE),
          dissatisfies: referral >= 9 ? 'nothing' : pick(GRIPES),
          hoped: pick(HOPES),
          roleQuestion: rnd() < 0.5 ? 'Clearer order confirmations' : '',
        },
        new Date(this.now() - (count - i) * 60000),
      );
    }
    return count;
  }
}
