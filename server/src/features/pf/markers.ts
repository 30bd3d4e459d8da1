import type { PfDocument } from '../../model/document';

/** A `###>` line: the section convention of pf.vim (a section runs to the next marker or the end of the file). */
export interface PfSectionMarker {
  start: number;
  end: number;
  line: number;
  /** The text after `###>`, trimmed (may be empty). */
  title: string;
}

/** The `###>` section markers of a file, in order. Only comments alone on their line count, as in pf.vim. */
export function sectionMarkers(doc: PfDocument): PfSectionMarker[] {
  const out: PfSectionMarker[] = [];
  for (const c of doc.pf.comments) {
    const text = doc.text.slice(c.start, c.end);
    if (!c.ownLine || !text.startsWith('###>')) continue;
    out.push({ start: c.start, end: c.end, line: doc.lines.positionAt(c.start).line, title: text.slice(4).trim() });
  }
  return out;
}
