import type { PfTranslationRule } from './ast';
import type { PfWord } from './ast-parts';
import { fromTo, logSpec } from './common';
import { redirect } from './redirect';
import { afSpec, finish, newRule, onSpec, protoSpec } from './filter';
import { checkTranslation } from './semantics';
import { exact, ParseState, union, word } from './state';
import { Tok } from './tokens';

/**
 * Old-style translation (parse.y `natrule`, `binatrule`), which FreeBSD
 * keeps beside `nat-to`/`rdr-to`:
 * `[no] nat|rdr|binat [pass [log]|log] [on IF] [af] [proto …] fromto
 *  [tag S] [[!] tagged S] [rtable N] [-> target [port P] pool-opts]`.
 */

const TAIL = ['tag', 'tagged', '!', 'rtable', '->'];

/** `[no] nat|rdr|binat …` with the optional `no` already consumed. */
export function translationRule(st: ParseState, no: PfWord | undefined): PfTranslationRule {
  const keyword = word(st.take());
  const r = newRule<PfTranslationRule>('translation', 'translation', keyword.text as PfTranslationRule['action'], keyword);
  if (no) {
    r.no = no;
    r.start = no.start;
  }
  if (st.isKw('pass')) {
    r.pass = word(st.take());
    if (st.isKw('log')) r.log = logSpec(st);
  } else if (st.isKw('log')) r.log = logSpec(st);
  onSpec(st, r);
  afSpec(st, r);
  protoSpec(st, r);
  if (r.action === 'binat' && !st.isKw('from') && !st.atEnd()) st.fail(union(r.protocols ? [] : ['proto'], ['from']));
  fromTo(st, r, r.action !== 'binat');
  while (!st.atEnd()) {
    const t = st.peek();
    if (t.kind === Tok.Keyword && t.text === 'tag') {
      const kw = word(st.take());
      const v = st.expectValue();
      r.options.push({ name: 'tag', keyword: kw, negated: false, values: [v], start: kw.start, end: v.end });
    } else if ((t.kind === Tok.Keyword && t.text === 'tagged') || (t.kind === Tok.Punct && t.text === '!')) {
      const bang = t.text === '!' ? word(st.take()) : undefined;
      const kw = st.expectKw('tagged');
      const v = st.expectValue();
      r.options.push({ name: 'tagged', keyword: kw, negated: bang !== undefined, values: [v], start: (bang ?? kw).start, end: v.end });
    } else if (t.kind === Tok.Keyword && t.text === 'rtable') {
      const kw = word(st.take());
      const v = st.expectNumber();
      r.options.push({ name: 'rtable', keyword: kw, negated: false, values: [v], start: kw.start, end: v.end });
    } else if (t.kind === Tok.Punct && t.text === '->') {
      r.arrow = word(st.take());
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
  checkTranslation(st, r);
  return r;
}
