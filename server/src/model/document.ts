import { LineIndex } from '../parsers/text';
import type { Comment } from '../parsers/syntax';
import { parseRcConf, type RcFile } from '../parsers/rcconf';
import { parseLoaderConf, type LoaderFile } from '../parsers/loaderconf';
import { parseSysctlConf, type SysctlFile } from '../parsers/sysctlconf';
import { parsePfConf, parsePfConfEagerly, type PfFile } from '../parsers/pf';
import type { ConfKind } from './kinds';
import { parseSuppressions, type Suppressions } from './suppression';
import { statementSpans } from './statements';

/**
 * pf.conf files up to this size are parsed with their statement trees built
 * at once. The compact parse pays off on large rulesets (a fifth of a tree's
 * memory, and a faster re-parse on each keystroke), but a node's ruleset is
 * evaluated by the cross-node checks (pf/carp-blocked, pf/pfsync-blocked),
 * which need every tree: for the small files nodes have, reading compactly
 * and then building meant reading every rule twice. In a cold CLI run over
 * 1,000 nodes that second read was about a tenth of the time.
 */
export const EAGER_PF_BYTES = 64 * 1024;

interface DocumentBase {
  uri: string;
  /** The text exactly as in the editor, so offsets match it. A leading BOM stays in. */
  text: string;
  lines: LineIndex;
  comments: readonly Comment[];
  suppressions: Suppressions;
  /** True when the text begins with a byte-order mark. */
  hadBom: boolean;
}

export type RcDocument = DocumentBase & { kind: 'rc'; rc: RcFile };
export type LoaderDocument = DocumentBase & { kind: 'loader'; loader: LoaderFile };
export type SysctlDocument = DocumentBase & { kind: 'sysctl'; sysctl: SysctlFile };
export type PfDocument = DocumentBase & { kind: 'pf'; pf: PfFile };

/** One file, parsed once and shared by every check and feature until its text changes. */
export type ParsedDocument = RcDocument | LoaderDocument | SysctlDocument | PfDocument;

/**
 * Parses a document of a known kind. Pure: no I/O, never throws (parsers
 * recover), so the language server, the CLI and the tests share it.
 */
export function parseDocument(uri: string, kind: ConfKind, originalText: string): ParsedDocument {
  const hadBom = originalText.charCodeAt(0) === 0xfeff;
  // The BOM is kept as a character so every offset still matches the editor's buffer.
  const text = originalText;
  const lines = new LineIndex(text);
  const base = { uri, text, lines, hadBom };
  const doc = build(kind, base);
  // A directive above a multi-line statement silences every line of it (most files have no directive: nothing to spread).
  if (doc.suppressions.lines.size === 0) return doc;
  for (const span of statementSpans(doc)) {
    const codes = doc.suppressions.lines.get(span.first);
    if (!codes) continue;
    for (let l = span.first + 1; l <= span.last; l++) doc.suppressions.lines.set(l, new Set([...(doc.suppressions.lines.get(l) ?? []), ...codes]));
  }
  return doc;
}

type Base = Omit<DocumentBase, 'comments' | 'suppressions'>;

function build(kind: ConfKind, base: Base): ParsedDocument {
  const { text, lines } = base;
  switch (kind) {
    case 'rc': {
      const rc = parseRcConf(text);
      return { ...base, kind, rc, comments: rc.comments, suppressions: parseSuppressions(rc.comments, lines) };
    }
    case 'loader': {
      const loader = parseLoaderConf(text);
      return { ...base, kind, loader, comments: loader.comments, suppressions: parseSuppressions(loader.comments, lines) };
    }
    case 'sysctl': {
      const sysctl = parseSysctlConf(text);
      return { ...base, kind, sysctl, comments: sysctl.comments, suppressions: parseSuppressions(sysctl.comments, lines) };
    }
    case 'pf': {
      const pf = text.length <= EAGER_PF_BYTES ? parsePfConfEagerly(text) : parsePfConf(text);
      return { ...base, kind, pf, comments: pf.comments, suppressions: parseSuppressions(pf.comments, lines) };
    }
  }
}
