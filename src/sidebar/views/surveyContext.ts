import type { AutomationStatus } from '../../rpc/contract';
import type { Session } from '../session';
import type { SurveyDraft } from '../survey';

/**
 * What every step of the survey wizard reads and changes, and what a step gives back: the survey view
 * (survey.ts) makes the one and takes the other, the steps (surveyRoles, surveyQuestions, surveyCreate)
 * the other way round. In a file of its own so that the steps need not import the view that imports them.
 */
export interface SurveyContext {
  readonly session: Session;
  readonly draft: SurveyDraft;
  readonly maxRoles: number;
  /** Shows a step afresh. */
  go(step: number): void;
  readonly nav: { setBackEnabled(on: boolean): void };
  /** Replaces the steps with a result (after Create): its heading gets focus, `ready` marks the view. */
  finish(content: HTMLElement, heading: HTMLElement, ready: string): void;
  /** The automation panel, with a fresh status (read when not given). */
  manage(status?: AutomationStatus, message?: string): void;
}

/** A step's content, and what Next checks first (false: stay; the step shows why). */
export interface StepView {
  readonly el: HTMLElement;
  readonly next?: () => Promise<boolean>;
}
