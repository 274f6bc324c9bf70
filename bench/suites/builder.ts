/** The sheet builder's calls into the workbook at 100 and at 100,000 sales rows (target: the same count). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/core/tables/csv';
import { buildScorecard } from '../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../src/server/scorecard/detect';
import { CountingWorkbook } from '../countingWorkbook';
import { writeFeedbackCsv, writeSalesCsv } from '../csvFiles';
import { type Suite } from '../table';

function builderCalls(dir: string, salesRows: number): Record<string, number> {
  const s = join(dir, 'sales.csv');
  const f = join(dir, 'feedback.csv');
  writeSalesCsv(s, salesRows);
  writeFeedbackCsv(f, Math.max(100, salesRows / 5));
  const wb = new CountingWorkbook({ Sales: parseCsv(readFileSync(s, 'utf8')), Feedback: parseCsv(readFileSync(f, 'utf8')) });
  const def = suggestDefinition(detectSheets(wb));
  wb.reset();
  buildScorecard(wb, def, 'bench');
  return wb.byMethod();
}

export const suite: Suite = {
  name: 'builder',
  order: 70,
  run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'leadlag-bench-'));
    try {
      const small = builderCalls(dir, 100);
      const large = builderCalls(dir, 100_000);
      const total = (x: Record<string, number>) => Object.values(x).reduce((a, b) => a + b, 0);
      const same = JSON.stringify(small) === JSON.stringify(large);
      report.add({
        case: 'Sheet builder: calls into the workbook at 100 vs 100,000 sales rows',
        rows: '100 / 100,000',
        ours: `${total(small)} / ${total(large)} calls`,
        base: '',
        ratio: '',
        target: 'the same count',
        memory: '',
        ok: report.verdict(same, null, 'builder calls', `${total(small)} vs ${total(large)}`),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
