import type { PfMacroDef } from './ast';

/**
 * The macros of one parse (the file and the files it includes share one
 * table, as pfctl's symbol table), with their history: every definition gets
 * the next version number, so a statement read long after the parse can be
 * lexed again with exactly the definitions in effect where it stood
 * (`lookupAt`), even if a later line redefined a macro.
 */
export class MacroTable {
  private readonly current = new Map<string, PfMacroDef>();
  /** Per name, its definitions and their versions, in order (only names defined more than once need more than one). */
  private readonly history = new Map<string, { version: number; def: PfMacroDef }[]>();
  /** Number of definitions so far; a definition made at version v is in effect from version v + 1. */
  version = 0;

  get(name: string): PfMacroDef | undefined {
    return this.current.get(name);
  }

  set(def: PfMacroDef): void {
    this.current.set(def.name, def);
    const entry = { version: this.version++, def };
    const defs = this.history.get(def.name);
    if (defs === undefined) this.history.set(def.name, [entry]);
    else defs.push(entry);
  }

  /** The definition of `name` in effect when the table was at `version`. */
  lookupAt(name: string, version: number): PfMacroDef | undefined {
    const defs = this.history.get(name);
    if (defs === undefined) return undefined;
    for (let i = defs.length - 1; i >= 0; i--) if (defs[i].version < version) return defs[i].def;
    return undefined;
  }
}
