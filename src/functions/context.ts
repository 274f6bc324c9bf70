import { RUNTIME_ZONE, type TimeZone } from '../core/time/zone';
import { MS_PER_DAY } from '../core/time/days';
import { isMonthFirstLocale } from '../core/values/locale';
import type { FormulaContext } from './types';

/** Where the formulas run: Sheets gives the spreadsheet's zone and locale; elsewhere the runtime's. */
export interface Host {
  readonly zone: TimeZone;
  readonly locale: string | null;
  now(): number;
}

export const RUNTIME_HOST: Host = { zone: RUNTIME_ZONE, locale: null, now: () => Date.now() };

export function contextFor(host: Host): FormulaContext {
  return {
    dates: { zone: host.zone, monthFirst: isMonthFirstLocale(host.locale) },
    today() {
      const t = host.now();
      return Math.floor((t + host.zone.offsetMinutes(t) * 60000) / MS_PER_DAY);
    },
  };
}
