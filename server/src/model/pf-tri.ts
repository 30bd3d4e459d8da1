/**
 * Three-valued logic for evaluating a pf ruleset against a packet the model
 * only partly knows: a criterion is certainly met (`yes`), certainly not
 * (`no`), or depends on what the files cannot tell (`maybe`: a host name
 * pfctl resolves through DNS, an interface group, a table filled at run
 * time). Only `yes`/`no` may lead to an error; `maybe` never does.
 */
export type Tri = 'yes' | 'no' | 'maybe';

/** `!`: yes and no swap, maybe stays. */
export function triNot(a: Tri): Tri {
  return a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'maybe';
}

/** Every criterion must hold: one `no` decides, else one `maybe` leaves it open. */
export function triAll(values: Iterable<Tri>): Tri {
  let out: Tri = 'yes';
  for (const v of values) {
    if (v === 'no') return 'no';
    if (v === 'maybe') out = 'maybe';
  }
  return out;
}

/** One item of a list must hold (pfctl expands `{ a b }` into one rule per item). */
export function triAny(values: Iterable<Tri>): Tri {
  let out: Tri = 'no';
  for (const v of values) {
    if (v === 'yes') return 'yes';
    if (v === 'maybe') out = 'maybe';
  }
  return out;
}

/** A criterion the files settle. */
export function triOf(b: boolean): Tri {
  return b ? 'yes' : 'no';
}
