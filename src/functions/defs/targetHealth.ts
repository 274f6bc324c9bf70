import { readDayColumn } from '../../core/values/date';
import { fail } from '../../core/values/errors';
import { isoDay } from '../../core/time/days';
import { readHealthSales } from '../../core/measures/targetHealth/read';
import { readTargets } from '../../core/measures/targetHealth/targets';
import { type HealthRow, targetHealth } from '../../core/measures/targetHealth/targetHealth';
import { FLAG_WORDS } from '../../core/measures/targetHealth/findings';
import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { defineFormula } from '../types';

export const HEALTH_HEADER = [
  'Period',
  'Rep',
  'Sales',
  'Share in last days',
  'Expected share',
  'Spike ratio',
  'Returned, last days',
  'Returned, rest',
  'Discount, last days',
  'Discount, rest',
  'Next start ratio',
  'Target',
  'Target reached',
  'Daily sales before',
  'Daily sales after',
  'Target rise',
  'Flags',
  'Finding',
];

function tableRow(r: HealthRow): (string | number | null)[] {
  const c = r.coasting;
  return [
    r.label,
    r.rep ?? 'All',
    r.push.sales,
    r.push.share,
    r.push.expected,
    r.push.ratio,
    r.returns?.push.rate ?? null,
    r.returns?.rest.rate ?? null,
    r.discount?.push.rate ?? null,
    r.discount?.rest.rate ?? null,
    r.pullForward?.ratio ?? null,
    c ? c.target : null,
    c ? (c.reached === null ? 'Not reached' : isoDay(c.reached)) : null,
    c?.rateBefore ?? null,
    c?.rateAfter ?? null,
    r.ratchet?.rise ?? null,
    r.partial ? 'Partial period' : r.flags.map((f) => FLAG_WORDS[f]).join(', '),
    r.finding,
  ];
}

export const TARGET_HEALTH = defineFormula({
  name: 'TARGET_HEALTH',
  params: [
    { name: 'dates', kind: 'range' },
    { name: 'amounts', kind: 'range' },
    { name: 'period', kind: 'period', default: SCORECARD_DEFAULTS.healthPeriod },
    { name: 'last_days', kind: 'number', default: SCORECARD_DEFAULTS.lastDays, integer: true, min: 1, max: 180 },
    { name: 'returned', kind: 'range', optional: true },
    { name: 'sold', kind: 'range', optional: true },
    { name: 'discount', kind: 'range', optional: true },
    {
      name: 'discount_is',
      kind: 'text',
      optional: true,
      words: {
        amount: ['money', 'value', 'money off', 'amount off'],
        rate: ['fraction', 'share'],
        percent: ['%', 'percentage', 'pct'],
        list: ['list price', 'list value', 'gross', 'list amount'],
      },
    },
    { name: 'rep', kind: 'range', optional: true },
    { name: 'targets', kind: 'grid', optional: true },
  ],
  run({ dates, amounts, period, last_days, returned, sold, discount, discount_is, rep, targets }, ctx) {
    if (sold && !returned) fail('sold is what returned counts against; give returned too, or leave sold out');
    if (discount_is && !discount) fail('discount_is says how the discount column is written; give discount too');
    const days = readDayColumn(dates, ctx.dates);
    const sales = readHealthSales({ dates, amounts, returned, sold, discount, discountIs: discount_is, rep }, days, ctx.dates);
    const health = targetHealth(sales, period, last_days, targets ? readTargets(targets, period) : null);
    if (health.frame.count === 0) fail('no sale has a date; check that dates and amounts are the same rows');
    return [HEALTH_HEADER, ...health.rows.map(tableRow)];
  },
});
