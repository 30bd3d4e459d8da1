import type { Code } from './codes';
import type { Finding } from './types';
import type { ParsedDocument } from '../model/document';

/** Builds a finding from document offsets, the common case for per-file checks. */
export function findingAt(
  doc: ParsedDocument,
  code: Code,
  start: number,
  end: number,
  message: string,
  extra: Pick<Finding, 'related' | 'fixes'> = {},
): Finding {
  return { code, uri: doc.uri, range: doc.lines.range(start, end), message, ...extra };
}
