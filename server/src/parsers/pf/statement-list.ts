import type { PfStatement } from './ast';
import { IntList } from './int-list';

/**
 * The statements one statement loop read, in order: the numbers of pending
 * statements (`ParseState.pend`) in an IntList, built ones beside them. A
 * megabyte ruleset has tens of thousands of top-level statements, nearly
 * all pending, and a JS array of them grown by push was reallocated and
 * copied at every growth (most of the time of a file of short rules).
 */
export class StatementList {
  /** Per statement: its pending number (≥ 0), or -1 - its index in `built`. */
  private readonly order = new IntList();
  private readonly built: PfStatement[] = [];
  /** How many of the statements are pending. */
  pending = 0;

  add(s: PfStatement | number): void {
    if (typeof s === 'number') {
      this.order.push(s);
      this.pending++;
    } else {
      this.order.push(-1 - this.built.length);
      this.built.push(s);
    }
  }

  /** The statements in order, pending ones made by `build`. */
  toArray(build: (pending: number) => PfStatement): PfStatement[] {
    const order = this.order;
    return Array.from({ length: order.length }, (_, i) => {
      const v = order.at(i);
      return v >= 0 ? build(v) : this.built[-1 - v];
    });
  }
}
