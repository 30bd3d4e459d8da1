import type { Comment, ParseError, Setting } from './syntax';
import { RcParser } from './rcconf-parser';

/** A `$name` or `${name...}` reference inside a value: recorded, never evaluated. */
export interface RcReference {
  name: string;
  start: number;
  end: number;
}

/**
 * One `name=value` that sh would execute as an assignment. `value` is the
 * word after quote removal, with `$...` expansions kept as written;
 * `valueOffsets` maps each of its characters to the source (an escaped
 * character maps to its backslash; the extra last entry is the offset just
 * after the value, or just inside the quotes of an empty quoted value).
 */
export interface RcAssignment extends Setting {
  references: RcReference[];
  /** True inside if/case/loops/functions or after `&&`/`||`: it may not run, so "last one wins" is uncertain. */
  conditional: boolean;
}

/** A shell construct that is not a plain assignment (command, `. file`, if/case, function), recognised and skipped. */
export interface RcCommand {
  word: string;
  start: number;
  end: number;
}

/** A run of a message copied verbatim from the document: message[at…] is text[start, end). */
export interface SourceQuote {
  at: number;
  start: number;
  end: number;
}

/** A syntax error whose message may copy document text verbatim; `quotes` says where, so a CARP pass in it can be masked by position. */
export interface RcParseError extends ParseError {
  quotes?: SourceQuote[];
}

export interface RcFile {
  assignments: RcAssignment[];
  /**
   * `name = value` statements: sh runs a command named `name` (reported as
   * rc/syntax), but the writer meant this value, so what it holds (a CARP
   * pass) is treated like an assignment's. Always `conditional`: it never runs.
   */
  spacedAssignments: RcAssignment[];
  comments: Comment[];
  commands: RcCommand[];
  errors: RcParseError[];
  /** Every `$name` / `${name}` in the file (values, commands, substitutions), so checks know which names are used. */
  references: RcReference[];
}

/**
 * Parses rc.conf as /bin/sh would read it: quoting, escapes, continuations,
 * comments, expansions kept literally, and compound commands recognised so
 * only top-level assignments count as unconditional. Never throws: an
 * internal failure becomes one parse error instead of a crashed server.
 */
export function parseRcConf(text: string): RcFile {
  try {
    return new RcParser(text).parse();
  } catch (error) {
    const message = `Internal error while parsing rc.conf; please report it: ${String(error)}`;
    return { assignments: [], spacedAssignments: [], comments: [], commands: [], errors: [{ message, start: 0, end: Math.min(1, text.length) }], references: [] };
  }
}
