/**
 * Installable triggers (`adapters/appsscript/appsScriptTriggers.ts` over ScriptApp; `adapters/memory/services.ts`).
 * An add-on may hold one trigger of each type per user and document, so there are two: a form-submit
 * trigger on this spreadsheet (every linked form's responses) and one weekly clock.
 */
export type TriggerKind = 'formSubmit' | 'weekly';

export interface TriggerInfo {
  readonly id: string;
  readonly kind: TriggerKind;
  /** The top-level function it runs. */
  readonly handler: string;
  /** True when it is known to belong to this spreadsheet (a form-submit trigger on it); clocks carry no document. */
  readonly document: boolean;
}

export interface TriggersPort {
  /** This user's triggers of this script (form-submit ones of this spreadsheet; clocks of any). */
  list(): TriggerInfo[];
  /** Installs one and returns its id. */
  install(kind: TriggerKind, handler: string): string;
  remove(id: string): void;
}
