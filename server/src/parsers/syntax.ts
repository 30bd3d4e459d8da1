import type { Range } from 'vscode-languageserver-types';

/** A problem a parser found. Parsers never throw; they return these and recover. */
export interface ParseError {
  message: string;
  /** Offsets into the document text; converted to ranges with LineIndex. */
  start: number;
  end: number;
}

/** A `#` comment with its text (without the `#`), used for suppression comments. */
export interface Comment {
  start: number;
  end: number;
  text: string;
  /** True when the comment is the only thing on its line. */
  ownLine: boolean;
}

/** A name bound to a value, with both located: settings and pf macros share it. */
export interface NamedValue {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The value as its consumer sees it (quotes and escapes removed). */
  value: string;
  /** Offsets of the value's source text, quotes included. */
  valueStart: number;
  valueEnd: number;
}

/** A name=value setting, the shape shared by the three line-oriented formats. */
export interface Setting extends NamedValue {
  /**
   * Source offset of each character of `value` (length value.length + 1; the
   * last entry is the offset just after the value). Lets a check point at a
   * word inside a quoted or escaped value exactly.
   */
  valueOffsets: number[];
  /** Whole statement, from the name to the end of the value. */
  start: number;
  end: number;
}

export type { Range };
