/**
 * A growable list of 32-bit integers. A plain JS array of small integers
 * grown by `push` past about 16,000 entries moves to V8's large-object
 * space and is copied there on every growth, on fresh pages; a megabyte
 * ruleset records tens of thousands of entries per index, and those copies
 * cost more than the parse's own work. This doubles a typed array instead.
 * (It starts at 16 entries: V8 keeps typed arrays that small inside its
 * heap, so the many short lists of small files cost no external buffer.)
 */
export class IntList {
  private data = new Int32Array(16);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i];
  }
}
