import type { ScorecardDefinition } from '../../core/scorecard/definition';
import type { CheckId } from '../../core/scorecard/plausibility';
import type { SheetGuess } from '../detect';
import type { Draft, DraftCheck } from '../draft';
import type { Session } from '../session';

/**
 * What every step of the scorecard wizard reads and changes: the wizard (wizard.ts) makes it, the steps
 * (step*.ts) take it. In a file of its own so that the steps need not import the wizard that imports them.
 */
export interface WizardContext {
  readonly session: Session;
  readonly draft: Draft;
  guesses: SheetGuess[];
  readonly stored: ScorecardDefinition | null;
  guessOf(sheet: string): SheetGuess | undefined;
  /** Reads the sheets again, then shows a step (default: the current one) afresh. */
  reread(toStep?: number): void;
  /** Sets what the navigation's Next/Build does, or hides it. */
  readonly nav: { setBackEnabled(on: boolean): void; hide(): void };
  /** The latest check of the draft (null before the first). */
  check: DraftCheck | null;
  /** Checks the draft as it stands now (again only when it changed since the last check). */
  recheck(): DraftCheck;
  /** Checks the manager confirmed ("the numbers are right: build anyway"). */
  readonly accepted: Set<CheckId>;
}
