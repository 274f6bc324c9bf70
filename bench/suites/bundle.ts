/** dist/Code.js and dist/Server.js: sizes, evaluating both (every execution), compiling the server (server executions). */
import type { BundleResult } from '../bundle';
import { child } from '../child';
import { type Suite, median, ms } from '../table';

export const suite: Suite = {
  name: 'bundle',
  order: 50,
  run(report) {
    const { kb, serverKb, times: evalTimes, serverTimes, works } = child<BundleResult>('bundle.ts', [], 'dist/Code.js');
    const e = median(evalTimes);
    const s = median(serverTimes);
    const row = { rows: '', base: '', ratio: '', memory: '' };
    report.add(
      {
        ...row,
        case: 'dist/Code.js size (formulas; compiled by every execution)',
        ours: `${kb.toFixed(1)} KB`,
        target: '≤ 100 KB',
        ok: report.verdict(kb <= 100, null, 'dist/Code.js size', `${kb.toFixed(1)} KB`),
      },
      {
        ...row,
        case: 'dist/Server.js size (the server as text; compiled only by menu, sidebar and trigger executions)',
        ours: `${serverKb.toFixed(1)} KB`,
        target: 'info',
        ok: '—',
      },
      {
        ...row,
        case: 'Code.js + Server.js evaluated in a fresh bare node:vm context, as every execution does (median of 20)',
        ours: ms(e),
        target: '< 5 ms',
        ok: report.verdict(
          e < 5 && works,
          works ? null : 'PERIOD_SERIES or the server in the vm context failed',
          'Code.js evaluation',
          `${ms(e)} ms`,
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
