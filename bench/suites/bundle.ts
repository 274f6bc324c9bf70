/**
 * dist/Code.js, dist/Formulas.js and dist/Server.js: sizes, evaluating them (every execution), the formulas
 * loaded with the code of the formula that has the most (formula executions: at most), compiling the server
 * (server executions).
 */
import type { BundleResult } from '../bundle';
import { child } from '../child';
import { type Suite, median, ms } from '../table';

export const suite: Suite = {
  name: 'bundle',
  order: 50,
  run(report) {
    const {
      kb,
      formulasKb,
      serverKb,
      heaviest,
      lightest,
      times: evalTimes,
      loadTimes,
      serverTimes,
      works,
    } = child<BundleResult>('bundle.ts', [], 'dist/Code.js');
    const e = median(evalTimes);
    // What a formula execution pays before it reads a cell, at most: the files evaluated, then the formulas
    // loaded with the code of the formula that has the most.
    const f = median(evalTimes.map((t, i) => t + loadTimes[i]));
    const s = median(serverTimes);
    const row = { rows: '', base: '', ratio: '', memory: '' };
    report.add(
      {
        ...row,
        case: 'dist/Code.js size (the loader and the declarations; compiled by every execution)',
        ours: `${kb.toFixed(1)} KB`,
        target: '≤ 100 KB',
        ok: report.verdict(kb <= 100, null, 'dist/Code.js size', `${kb.toFixed(1)} KB`),
      },
      {
        ...row,
        case: `dist/Formulas.js size (the formulas' code in a comment, skipped by every execution; a formula's first use compiles ${lightest.kb.toFixed(0)}–${heaviest.kb.toFixed(0)} KB of it)`,
        ours: `${formulasKb.toFixed(1)} KB`,
        target: 'info',
        ok: '—',
      },
      {
        ...row,
        case: 'dist/Server.js size (the server in a comment; compiled only by menu, sidebar and trigger executions)',
        ours: `${serverKb.toFixed(1)} KB`,
        target: 'info',
        ok: '—',
      },
      {
        ...row,
        case: 'Code.js + Formulas.js + Server.js evaluated in a fresh bare node:vm context, as every execution does (median of 20)',
        ours: ms(e),
        target: 'info',
        ok: '—',
      },
      {
        ...row,
        case: `↳ then the formulas loaded with ${heaviest.name}'s code, the most a formula compiles on its first use: what a formula execution pays at most before it reads a cell (median of 20)`,
        ours: ms(f),
        target: '< 5 ms',
        ok: report.verdict(
          f < 5 && works,
          works ? null : 'PERIOD_SERIES or the server in the vm context failed',
          'a formula execution before it reads a cell',
          `${ms(f)} ms`,
        ),
      },
      {
        ...row,
        case: '↳ then Leadlag.server(): compiling the server, as a menu, sidebar or trigger execution does (median of 20)',
        ours: ms(s),
        target: 'info',
        ok: '—',
      },
    );
  },
};
