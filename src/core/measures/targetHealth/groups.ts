/**
 * Who a row of target health belongs to: group 0 is every sale (the whole team); groups 1 … count − 1 are
 * the reps. A measure keeps one cell per group and period, at `group · periods + period`.
 */
export interface Groups {
  readonly count: number;
  /** Each row's rep group (1 …), −1 for a row without a rep; null when there is no rep column. */
  readonly of: Int32Array | null;
}

export const ALL_SALES: Groups = { count: 1, of: null };
