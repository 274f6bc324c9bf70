/** The sidebar's numbers, written by the browser tests (npx jest tests/browser). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../child';
import { type Suite, blank, ms } from '../table';

export const suite: Suite = {
  name: 'sidebar',
  order: 80,
  run(report) {
    const path = join(root, 'tests', 'browser', 'metrics.json');
    if (!existsSync(path)) {
      report.add({ ...blank, case: 'Sidebar (run `npx jest tests/browser` first)', ours: 'not measured', ok: '—' });
      return;
    }
    const m = JSON.parse(readFileSync(path, 'utf8')) as { sidebarBytes: number; sidebarOpenToInteractiveMs: number; measuredAt: string };
    report.add(
      {
        ...blank,
        case: 'dist/sidebar.html size',
        ours: `${(m.sidebarBytes / 1024).toFixed(1)} KB`,
        target: '≤ 150 KB',
        ok: report.verdict(m.sidebarBytes <= 150 * 1024, null, 'sidebar size', `${(m.sidebarBytes / 1024).toFixed(1)} KB`),
      },
      {
        ...blank,
        case: `Sidebar from opening to interactive in the preview (browser test, ${m.measuredAt.slice(0, 16)})`,
        ours: ms(m.sidebarOpenToInteractiveMs),
        target: '< 1000 ms',
        ok: report.verdict(m.sidebarOpenToInteractiveMs < 1000, null, 'sidebar open to interactive', `${m.sidebarOpenToInteractiveMs} ms`),
      },
    );
  },
};
