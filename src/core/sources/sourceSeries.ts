import { type Column } from '../values/column';
import { type MeasureId, type Source } from '../scorecard/measures';
import { type PeriodSpan } from './periodSpan';
import { type SalesLedger } from './salesLedger';

/**
 * Every measure one source table gives, per period over one span, with the count behind each value:
 * what the source formulas (SALES_SERIES, FEEDBACK_SERIES, REVIEWS_SERIES) spill into the scorecard's
 * data sheet and what the command line prints. One call per source reads each column once.
 */
export interface MeasureRow {
  readonly id: MeasureId;
  /** One value per period of the span; null where there is nothing to measure. */
  readonly values: readonly (number | null)[];
  /** The count behind each value (answers, due orders, orders, units or value sold); null where none. */
  readonly counts: readonly (number | null)[];
  /** For rates: how many of the count were "hits" (promoters − detractors for NPS), for intervals. */
  readonly hits: readonly (number | null)[] | null;
  /** Why the measure could not be counted (a cell that cannot be read), or null. */
  readonly problem: string | null;
}

export interface SourceSeries extends PeriodSpan {
  readonly source: Source;
  readonly measures: readonly MeasureRow[];
  /** Rows with a date (sales lines, responses, reviews), left-out ones included. */
  readonly dated: number;
  /** Dated rows before the span's first period, left out (rebuild the scorecard to include them). */
  readonly before: number;
  /** Rows the leave-out rules took out, with why (the first of them). */
  readonly leftOut: readonly { readonly index: number; readonly reason: string }[];
  readonly leftOutCount: number;
  /** How amounts were counted (sales): 'order' counts an order's amount once. */
  readonly amounts?: 'line' | 'order';
  /** What the return rate counts (sales): refunds against amounts, or returned units against units sold. */
  readonly returnBasis?: 'value' | 'quantity';
  /** The sales ledger the series were counted from (sales only): target health per rep reads it too. */
  readonly ledger?: SalesLedger;
  /** Target health per period (sales, when asked for): healthSection.ts's rows. */
  readonly health?: readonly (readonly (string | number | null)[])[];
}

/** A source's columns by role (core/tables/roles.ts), and the filter columns its leave-out rules read. */
export type RoleColumns = Readonly<Partial<Record<string, Column>>>;
export type FilterColumns = readonly (Column | undefined)[] | undefined;
