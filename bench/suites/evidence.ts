/** How sure a link is: the lead/lag evidence on 2,000 simulated pairs (and scorecards) per case (bench/evidence.ts). */
import { child } from '../child';
import { type EvidenceResult, evidenceBenchRows } from '../evidence';
import { type Suite } from '../table';

export const suite: Suite = {
  name: 'evidence',
  order: 75,
  run(report) {
    const r = child<EvidenceResult>('evidence.ts', ['2000'], 'evidence');
    report.add(...evidenceBenchRows(r, (ok, what, why) => report.verdict(ok, null, what, why)));
  },
};
