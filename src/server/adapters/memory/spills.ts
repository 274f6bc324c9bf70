import {
  DetailedCellError,
  ErrorType,
  ExportedCellChange,
  type ExportedChange,
  type HyperFormula,
  type SimpleCellAddress,
} from 'hyperformula';
import { cellKey } from './a1';
import type { ArraySizes } from './plugins';

/**
 * Array results that HyperFormula does not settle by itself, entered again after every change:
 * - it fixes the size of an array result when it parses the formula, so a formula whose result came
 *   out with another size is entered again, to be parsed with the size now known (see plugins.ts);
 * - it does not retry an array formula that had no room to spill (#REF! in Sheets) once the cells in
 *   its way are cleared, so those are entered again too.
 */
export class Spills {
  /** Array formulas that had no room to spill, by cell. */
  private readonly blocked = new Map<string, SimpleCellAddress>();

  constructor(
    private readonly engine: HyperFormula,
    private readonly sizes: ArraySizes,
  ) {}

  /** Notes the array formulas a change left without room to spill. */
  track(changes: ExportedChange[]): void {
    for (const ch of changes) {
      if (!(ch instanceof ExportedCellChange)) continue;
      const k = cellKey(ch.address);
      if (ch.newValue instanceof DetailedCellError && ch.newValue.type === ErrorType.SPILL) this.blocked.set(k, ch.address);
      else this.blocked.delete(k);
    }
  }

  /** Enters again what changed size and what was blocked, until nothing does (at most 8 rounds). */
  settle(): void {
    for (let round = 0; round < 8; round++) {
      const todo = new Map<string, SimpleCellAddress>();
      for (const at of this.sizes.takeStale()) todo.set(cellKey(at), at);
      if (round === 0) {
        for (const [k, at] of this.blocked) todo.set(k, at);
        this.blocked.clear();
      }
      if (!todo.size) return;
      this.track(
        this.engine.batch(() => {
          for (const at of todo.values()) {
            if (this.engine.getSheetName(at.sheet) === undefined) continue;
            const f = this.engine.getCellFormula(at);
            if (f !== undefined) this.engine.setCellContents(at, [[f]]);
          }
        }),
      );
    }
  }
}
