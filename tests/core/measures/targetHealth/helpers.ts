import type { Cell } from '../../../../src/core/values/cell';
import { type HealthColumns, type HealthSales, readHealthSales } from '../../../../src/core/measures/targetHealth/read';
import { healthFrame, type HealthFrame } from '../../../../src/core/measures/targetHealth/frame';
import { calendarSpec, type PeriodKind } from '../../../../src/core/time/periods';
import { daysFromCivil, isoDay } from '../../../../src/core/time/days';
import { col, DATES, day } from '../../helpers';

export { col, day, DATES };

/** A sale as a test writes it: an ISO day and an amount, and what else the case needs. */
export interface Sale {
  readonly date: string;
  readonly amount: number;
  readonly returned?: Cell;
  readonly sold?: Cell;
  readonly discount?: Cell;
  readonly rep?: string;
}

/** The sales through the reader, as the formulas and the scorecard read them. */
export function salesOf(rows: readonly Sale[], extra: Partial<HealthColumns> = {}): HealthSales {
  const has = (k: keyof Sale) => rows.some((r) => r[k] !== undefined);
  const dates = col(
    rows.map((r) => r.date),
    'dates',
    true,
  );
  const cols: HealthColumns = {
    dates,
    amounts: col(
      rows.map((r) => r.amount),
      'amounts',
      true,
    ),
    ...(has('returned')
      ? {
          returned: col(
            rows.map((r) => r.returned ?? ''),
            'returned',
            true,
          ),
        }
      : {}),
    ...(has('sold')
      ? {
          sold: col(
            rows.map((r) => r.sold ?? ''),
            'sold',
            true,
          ),
        }
      : {}),
    ...(has('discount')
      ? {
          discount: col(
            rows.map((r) => r.discount ?? ''),
            'discount',
            true,
          ),
        }
      : {}),
    ...(has('rep')
      ? {
          rep: col(
            rows.map((r) => r.rep ?? ''),
            'rep',
            true,
          ),
        }
      : {}),
    ...extra,
  };
  const days = Float64Array.from(rows, (r) => (r.date === '' ? NaN : day(r.date)));
  return readHealthSales(cols, days, DATES);
}

export function frameOf(s: HealthSales, kind: PeriodKind = 'quarter', lastDays = 7): HealthFrame {
  return healthFrame(s.days, calendarSpec(kind), lastDays);
}

/** Every day from `from` to `to` (ISO, both included), as ISO text. */
export function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d++) out.push(isoDay(d));
  return out;
}

export const iso = (y: number, m: number, d: number): string => isoDay(daysFromCivil(y, m, d));
