import type { PfAnchorRule, PfInclude, PfLoadAnchor, PfRuleBase, PfStatement } from './ast';
import { fromTo } from './common';
import { afSpec, beforeOpts, dirLogQuick, expectedAfter, finish, newRule, onSpec, protoSpec } from './filter';
import { filterOpts, FILTER_OPTS } from './filter-opts';
import { ParseState } from './state';
import { word } from './parse-support';
import { Tok, type Token } from './tokens';

/**
 * Anchors (parse.y `anchorrule`, `pfa_anchor`), `load anchor … from …` and
 * `include`. An inline body is `{` at the end of the anchor line, statements,
 * and `}` on a line of its own; the body is parsed by the caller's statement
 * loop (passed in, so this module does not depend on the parser).
 */

/** Parses statements until the `}` closing an inline body; returns them. */
export type BodyParser = (st: ParseState, open: Token) => PfStatement[];

const ANCHOR_STAGES: readonly (readonly string[])[] = [['in', 'out'], ['quick'], ['on'], ['inet', 'inet6'], ['proto'], ['all', 'from', 'os', 'to']];

/**
 * `anchor [NAME] …`, `nat-anchor NAME …`, `rdr-anchor NAME …`, `binat-anchor NAME …`;
 * with `etherHeader`, `ether anchor` (its keyword `anchor` is next; the hook parses the layer-2 header).
 */
export function anchorRule(st: ParseState, body: BodyParser, etherHeader?: (st: ParseState, r: PfRuleBase) => void): PfAnchorRule {
  const ether = etherHeader !== undefined;
  const keyword = word(st.take());
  const action = ether ? 'ether-anchor' : (keyword.text as PfAnchorRule['action']);
  const order = ether ? 'ether' : action === 'anchor' ? 'filter' : 'translation';
  const r = newRule<PfAnchorRule>('anchor', order, action, keyword);
  if (st.isString()) r.name = word(st.take());
  else if (action !== 'anchor' && action !== 'ether-anchor') st.fail(['<anchor name>']);
  if (action === 'anchor' || action === 'ether-anchor') {
    if (st.isKw('log')) st.fail(expectedAfter(0, FILTER_OPTS, ANCHOR_STAGES).filter((k) => k !== 'log'));
    dirLogQuick(st, r, false);
    onSpec(st, r);
    if (etherHeader) etherHeader(st, r);
    else {
      afSpec(st, r);
      protoSpec(st, r);
      fromTo(st, r);
    }
    if (!ether) {
      beforeOpts(st, r, FILTER_OPTS);
      r.options = filterOpts(st);
      const state = r.options.find((o) => o.name === 'keep' || o.name === 'modulate' || o.name === 'synproxy');
      if (state) st.semantic('cannot specify state handling on anchors', state);
    }
    if (st.isPunct('{')) {
      const open = st.take();
      if (r.name && r.name.text.includes('/')) st.semantic("anchor paths containing '/' cannot be used for inline anchors.", r.name);
      if (st.peek().kind !== Tok.Newline) st.fail([], "syntax error: '{' must end the anchor line");
      st.enter();
      r.bodyStart = open.start;
      r.body = body(st, open);
      st.leave();
      r.bodyEnd = st.lastEnd;
    } else if (!r.name) {
      st.semantic('anchors without explicit rules must specify a name', keyword);
    }
  } else {
    onSpec(st, r);
    afSpec(st, r);
    protoSpec(st, r);
    if (action !== 'binat-anchor') fromTo(st, r);
    if (st.isKw('rtable')) {
      const kw = word(st.take());
      const v = st.expectNumber();
      r.options.push({ name: 'rtable', keyword: kw, negated: false, values: [v], start: kw.start, end: v.end });
    }
  }
  if (!st.atEnd()) st.fail(r.body ? [] : ['{']);
  finish(st, r);
  st.file.anchors.push(r);
  return r;
}

/** `load anchor NAME from "file"`. */
export function loadAnchor(st: ParseState): PfLoadAnchor {
  const keyword = word(st.take());
  const l: PfLoadAnchor = { type: 'load-anchor', order: 'none', keyword, start: keyword.start, end: keyword.end };
  st.expectKw('anchor');
  if (st.isKw('from')) st.semantic('anchor name is missing', st.last);
  else l.name = st.expectString(['<anchor name>']);
  st.expectKw('from');
  l.path = st.expectString(['"<file>"']);
  l.end = l.path.end;
  st.file.loadAnchors.push(l);
  return l;
}

/** `include "file"`; the caller resolves and parses the file. */
export function includeStmt(st: ParseState): PfInclude {
  const keyword = word(st.take());
  const path = st.expectString(['"<file>"']);
  const inc: PfInclude = { type: 'include', order: 'none', keyword, path, start: keyword.start, end: path.end };
  st.file.includes.push(inc);
  return inc;
}
