import { readFileSync } from 'node:fs';
import { findTable, tableColumns } from '../../src/core/tables/findTable';
import { suggestTableRoles } from '../../src/core/tables/profiles/setup';
import { tableOfFile } from '../../src/preview/workbook';
import { profileById } from '../../src/core/tables/profiles/index';
import { formatMoney } from '../../src/core/values/currency';
import { checkOf, cliLeftOut, cliMonthly, expected, knownMonthly, monthsOf, pathOf, previewMonthly, vendor, type Vendor } from './helpers';

/**
 * The tests every vendor's fixture passes (issue 11 "Done when"): recognised by its headers, the right
 * monthly revenue, orders and returns (sales), NPS and CSAT (feedback) or review response (reviews) with no
 * --map in the command line, the same in the preview (the wizard's definition computed by the live source
 * formula in the in-memory sheet), no check before the build fires, and the rows its rules leave out are
 * the fixture's known ones.
 */
export function vendorSuite(folder: string, more?: (v: Vendor) => void): void {
  const v = vendor(folder);
  const known = knownMonthly(expected(v));
  const name = profileById(v.profile)!.name;

  describe(`${name} (tests/fixtures/exports/${folder})`, () => {
    test(`is recognised by its headers as a ${name}`, () => {
      expect(findTable(tableOfFile(pathOf(v))).profile).toBe(v.profile);
    });

    test('the command line with no --map gives the known answer of every month', () => {
      expect(cliMonthly(v)).toEqual(known);
    });

    test('the preview (the wizard’s definition, computed by the live source formula) gives the same answers', () => {
      const { monthly, def, wb } = previewMonthly(v);
      try {
        expect(monthly).toEqual(known);
        expect(def.sources[v.kind]?.profile).toBe(v.profile);
      } finally {
        wb.destroy();
      }
    });

    test('no check before the build fires, and the latest month’s numbers are shown as the known ones', () => {
      const { def, wb } = previewMonthly(v);
      try {
        const review = checkOf(wb, def);
        expect(review.problems).toEqual([]);
        const last = monthsOf(expected(v)).at(-1)!;
        const currency = review.sources.find((s) => s.source === v.kind)?.currency ?? undefined;
        if (v.kind === 'sales') {
          const revenue = review.latest.find((m) => m.id === 'revenue')!;
          expect(revenue.text).toBe(
            `Revenue, ${last}: ${formatMoney(Math.round(known.revenue![last]!), currency)} from ${known.orders![last]} orders`,
          );
        } else if (v.kind === 'feedback') {
          const nps = review.latest.find((m) => m.id === 'nps')!;
          expect(nps.text).toBe(`Referral score (NPS), ${last}: ${Math.round(known.nps![last]!)} from ${known.nps_n![last]} answers`);
        } else {
          const rr = review.latest.find((m) => m.id === 'review_response')!;
          expect(rr.text).toBe(
            `Unhappy reviews answered, ${last}: ${Math.round(known.review_response![last]! * 100)}% from ${known.low_reviews![last]} low reviews`,
          );
        }
      } finally {
        wb.destroy();
      }
    });

    if (v.kind !== 'reviews')
      test('the rows its rules leave out are the known ones, listed by the file line they start on', () => {
        const want = (expected(v).skipped_rows ?? []).map((s) => s.line).sort((a, b) => a - b);
        if (/\.json$/.test(v.file)) return expect(want).toEqual([]);
        // The command line lists the rows by the rule that caught them ('column "Status" is "voided"').
        const got = cliLeftOut(v).map((s) => s.line);
        const partial = expected(v).skipped_rows?.some((s) => s.reason === 'partial');
        // Typeform's partial responses have no submit date: they are listed by their rule all the same.
        expect(got).toEqual(partial || want.length || got.length ? want : []);
      });

    more?.(v);
  });
}

export const text = (v: Vendor): string => readFileSync(pathOf(v), 'utf8');

/** The roles of a fixture's columns, by header, as recognised (no --map). */
export function rolesOf(v: Vendor): Record<string, string | null> {
  const grid = tableOfFile(pathOf(v));
  const t = findTable(grid);
  const s = suggestTableRoles(t, tableColumns(grid, t));
  return Object.fromEntries(s.map((x) => [x.header, x.role]));
}

/** The rows the table finder left out (header rows, headings, totals), with reasons. */
export const skippedOf = (v: Vendor) => findTable(tableOfFile(pathOf(v))).skipped;
