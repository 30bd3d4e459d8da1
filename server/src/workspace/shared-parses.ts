import { parseDocument, type ParsedDocument } from '../model/document';
import type { ConfKind } from '../model/kinds';

/** The kinds whose parses are shared between files of the same text (see SharedParses). */
const SHARED_KINDS: ReadonlySet<ConfKind> = new Set(['loader', 'sysctl', 'pf']);

interface Entry {
  doc: ParsedDocument;
  /** How many documents of the workspace hold this parse. */
  users: number;
}

/**
 * One parse per text: the nodes of a fleet carry the same loader.conf and
 * sysctl.conf, and the two members of a CARP pair the same pf.conf, so
 * documents whose kind and text are equal share one parse (the statement
 * trees, line index, comments and suppressions), each under its own URI.
 * A parse depends on nothing but the kind and the text (model/document.ts),
 * so sharing it changes no finding. A parse is kept while a document of the
 * workspace holds it, and no longer.
 *
 * rc.conf is left out: each node's rc.conf carries its own hostname and
 * addresses, so equal texts are rare, and the rc model tells a node's
 * assignments apart by identity across its files (rc.conf and
 * rc.conf.local; see model/rc-interfaces.ts listInterfaces).
 */
export class SharedParses {
  private readonly byKind = new Map<ConfKind, Map<string, Entry>>();

  /** The parse of `text` as `kind`, under `uri`: shared with a document of the same text when there is one. */
  parse(uri: string, kind: ConfKind, text: string): ParsedDocument {
    if (!SHARED_KINDS.has(kind)) return parseDocument(uri, kind, text);
    let texts = this.byKind.get(kind);
    if (!texts) {
      texts = new Map();
      this.byKind.set(kind, texts);
    }
    const entry = texts.get(text);
    if (entry) {
      entry.users++;
      return { ...entry.doc, uri };
    }
    const doc = parseDocument(uri, kind, text);
    texts.set(text, { doc, users: 1 });
    return doc;
  }

  /** A document left the workspace or was replaced: its parse is dropped once no document holds it. */
  release(doc: ParsedDocument): void {
    const texts = this.byKind.get(doc.kind);
    const entry = texts?.get(doc.text);
    if (!texts || !entry) return;
    entry.users--;
    if (entry.users === 0) texts.delete(doc.text);
  }
}
