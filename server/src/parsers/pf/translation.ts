import type { PfTranslationRule } from './ast';
import type { PfWord } from './ast-parts';
import { fromTo, logSpec } from './common';
import { redirect } from './redirect';
import { afSpec, finish, newRule, onSpec, protoSpec } from './filter';
import { checkTranslation, translationNeedsChecks } from './semantics';
import { ParseState } from './state';
import { exact, union } from './parse-support';
import { Tok } from './tokens';

/**
 * Old-style translation (parse.y `natrule`, `binatrule`), which FreeBSD
 * keeps beside `nat-to`/`rdr-to`:
 * `[no] nat|rdr|binat [pass [log]|log] [on IF] [af] [proto …] fromto
 *  [tag S] [[!] tagged S] [rtable N] [-> target [port P] pool-opts]`.
 */

const TAIL = ['tag', 'tagged', '!', 'rtable', '->'];

/** `[no] nat|rdr|binat …` with the optional `no` already consumed (`NO_WORD` in compact mode). */
export function translationRule(st: ParseState, no: PfWord | undefined): PfTranslationRule {
  const action = st.nextKw() as PfTranslationRule['action'];
  const keyword = st.takeWord();
  const r = newRule<PfTranslationRule>('translation', 'translation', action, keyword);
  if (no) {
    r.no = no;
    r.start = no.start;
  }
  if (st.isKw('pass')) {
    r.pass = st.takeWord();
    if (st.isKw('log')) r.log = logSpec(st);
  } else if (st.isKw('log')) r.log = logSpec(st);
  onSpec(st, r);
  afSpec(st, r);
  protoSpec(st, r);
  if (action === 'binat' && !st.isKw('from') && !st.atEnd()) st.fail(union(r.protocols ? [] : ['proto'], ['from']));
  fromTo(st, r, action !== 'binat');
  while (!st.atEnd()) {
    // Kind and text read before consuming: in compact mode the words taken are placeholders.
    const k = st.nextKind();
    const name = st.nextKw();
    if (k === Tok.Keyword && name === 'tag') {
      const kw = st.takeWord();
      const v = st.expectValue();
      r.options.push({ name: 'tag', keyword: kw, negated: false, values: [v], start: kw.start, end: v.end });
    } else if ((k === Tok.Keyword && name === 'tagged') || (k === Tok.Punct && name === '!')) {
      const bang = name === '!' ? st.takeWord() : undefined;
      const kw = st.expectKw('tagged');
      const v = st.expectValue();
      r.options.push({ name: 'tagged', keyword: kw, negated: bang !== undefined, values: [v], start: (bang ?? kw).start, end: v.end });
    } else if (k === Tok.Keyword && name === 'rtable') {
      const kw = st.takeWord();
      const v = st.expectNumber();
      r.options.push({ name: 'rtable', keyword: kw, negated: false, values: [v], start: kw.start, end: v.end });
    } else if (k === Tok.Punct && name === '->') {
      r.arrow = st.takeWord();
      r.redirect = redirect(st);
      break;
    } else {
      const header = r.all || r.from || r.to ? [] : ['all', 'from', 'to'];
      st.fail(union(header, TAIL));
    }
  }
  if (!st.atEnd()) st.fail([]);
  r.options = exact(r.options);
  finish(st, r);
  if (!st.build) st.wantsObject = translationNeedsChecks(r);
  else if (!st.quiet) checkTranslation(st, r);
  return r;
}

