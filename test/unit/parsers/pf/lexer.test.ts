import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { PfLexer, type LexEnv } from '../../../../server/src/parsers/pf/lexer';
import { keywordIdAt } from '../../../../server/src/parsers/pf/keyword-trie';
import { PF_KEYWORDS, Tok } from '../../../../server/src/parsers/pf/tokens';
import { parsePfConf } from '../../../../server/src/parsers/pf';

/** Every token of a text as [kind letter, text], with no macros defined. */
function lex(text: string): string[] {
  const errors: string[] = [];
  const env: LexEnv = {
    lookup: () => undefined,
    onComment: () => undefined,
    onError: (m) => errors.push(m),
    budget: { chars: 1e6 },
  };
  const lx = new PfLexer(text, env);
  const out: string[] = [];
  const letter = ['W', 'K', 'Q', 'N', 'P', 'NL', 'EOF', 'C'];
  const tk = lx.tokens;
  for (let t = lx.next(); tk.kindAt(t) !== Tok.Eof; t = lx.next()) out.push(tk.kindAt(t) === Tok.Newline ? 'NL' : `${letter[tk.kindAt(t)]}:${tk.textOf(t)}`);
  return [...out, ...errors.map((e) => `ERR:${e}`)];
}

describe('pf lexer: pfctl lex() behaviour', () => {
  test('a number is a NUMBER only when the next character may end it', () => {
    assert.deepEqual(lex('80 10/8 10.0.0.1 1024:2048 50% 0x10 80)'), [
      'N:80', 'N:10', 'P:/', 'N:8', 'W:10.0.0.1', 'W:1024:2048', 'W:50%', 'W:0x10', 'N:80', 'P:)', 'NL',
    ]);
    // '#' is not in allowed_to_end_number: "80#x" is a word followed by a comment.
    assert.deepEqual(lex('80#x'), ['W:80', 'NL']);
    assert.deepEqual(lex('-5 -x - ->'), ['N:-5', 'P:-', 'W:x', 'P:-', 'P:->', 'NL']);
  });

  test('words stop at ( ) { } < > ! = / # , and may contain other punctuation', () => {
    assert.deepEqual(lex('fe80::1%em0 em0:network ftp-proxy/* a,b <t>'), [
      'W:fe80::1%em0', 'W:em0:network', 'W:ftp-proxy', 'P:/', 'P:*', 'W:a', 'P:,', 'W:b', 'P:<', 'W:t', 'P:>', 'NL',
    ]);
  });

  test('keywords are case-sensitive and never quoted', () => {
    assert.deepEqual(lex('pass Pass "pass"'), ['K:pass', 'W:Pass', 'Q:pass', 'NL']);
  });

  test('two-character operators must touch', () => {
    assert.deepEqual(lex('!= ! = <= >= <> ><'), ['P:!=', 'P:!', 'P:=', 'P:<=', 'P:>=', 'P:<>', 'P:><', 'NL']);
  });

  test('backslash-newline joins lines, even inside a comment and inside a word', () => {
    assert.deepEqual(lex('pass \\\n in'), ['K:pass', 'K:in', 'NL']);
    assert.deepEqual(lex('pa\\\nss'), ['K:pass', 'NL']);
    assert.deepEqual(lex('# comment \\\npass\nblock'), ['NL', 'K:block', 'NL']);
    assert.deepEqual(lex('pass \\\r\n in'), ['K:pass', 'K:in', 'NL']);
  });

  test('outside quotes \\x is x', () => {
    assert.deepEqual(lex('p\\ass'), ['K:pass', 'NL']);
    assert.deepEqual(lex('a\\ b'), ['W:a', 'W:b', 'NL']);
  });

  test('form feed is whitespace; CR LF and a BOM are handled', () => {
    assert.deepEqual(lex('\uFEFFpass\f in\r\nblock\r'), ['K:pass', 'K:in', 'NL', 'K:block', 'NL']);
  });

  test('quoted strings: escaped quote, raw newline dropped, other escapes keep the backslash', () => {
    assert.deepEqual(lex('"a\\"b" \'c\nd\' "x\\yz" "$if"'), ['Q:a"b', 'Q:cd', 'Q:x\\yz', 'Q:$if', 'NL']);
    assert.deepEqual(lex('"open'), ['ERR:reached end of file while parsing quoted string']);
  });

  test('a missing final newline still ends the statement', () => {
    assert.deepEqual(lex('pass'), ['K:pass', 'NL']);
    assert.deepEqual(lex(''), []);
  });

  test('token offsets are exact', () => {
    const r = parsePfConf('pass in \\\n  quick on em0\n');
    const rule = r.statements[0];
    assert.equal(rule.type, 'filter');
    if (rule.type !== 'filter') return;
    assert.deepEqual([rule.quick?.start, rule.quick?.end], [12, 17]);
    assert.deepEqual([rule.interfaces?.items[0].name.start, rule.interfaces?.items[0].name.end], [21, 24]);
    assert.deepEqual([rule.start, rule.end], [0, 24]);
  });

  test('comments are recorded with their text and whether they own the line', () => {
    const r = parsePfConf('# freebsd-conf-disable pf/unused-macro\npass # trailing\n');
    assert.deepEqual(r.comments.map((c) => [c.start, c.end, c.text, c.ownLine]), [
      [0, 38, ' freebsd-conf-disable pf/unused-macro', true],
      [44, 54, ' trailing', false],
    ]);
  });

  test('an over-long token is "string too long" and the line is skipped', () => {
    const r = parsePfConf(`pass from ${'a'.repeat(9000)}\npass\n`);
    assert.deepEqual(r.errors.map((e) => e.message), ['string too long']);
    assert.equal(r.statements[1].type, 'filter');
  });

  test('a macro use copied from the recorded tokens of an earlier use gives exactly what lexing it again gives', () => {
    // Later uses of a self-contained value take its recorded tokens; whatever
    // the value and whatever follows a use, the token stream must not change.
    const piece = fc.constantFrom('a', 'pass', '80', '-5', '1:2', ' ', '{', '}', ',', '(', ')', '/', '<', '>', '!', '=', '-', ':', '%', '.', 'x9', '->', '#', '"q"', '$m0');
    const after = fc.constantFrom(' ', '\n', ')', ',', '/', '}', '=', 'x', '1', ':', '-', '>', ' # c', '\\\n', '', '"q"', '$m1', '\t', '(');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 6 }), { minLength: 4, maxLength: 4 }), fc.array(fc.tuple(fc.nat(3), after), { minLength: 1, maxLength: 12 }), (values, uses) => {
        const defs = values.map((v, i) => ({ name: `m${i}`, value: v.join(''), nameStart: 0, nameEnd: 1, valueStart: 0, valueEnd: 1 }));
        const text = uses.map(([m, a]) => `$m${m}${a}`).join(' ');
        const run = (record: boolean): string[] => {
          const out: string[] = [];
          const env: LexEnv = {
            lookup: (n) => defs.find((d) => d.name === n), onComment: (c) => out.push(`#${c.start}-${c.end}`),
            onError: (m, s, e) => out.push(`ERR:${m}@${s}-${e}`), budget: { chars: 1e6 }, recordExpansions: record, version: () => 0,
          };
          const lx = new PfLexer(text, env);
          const tk = lx.tokens;
          for (let t = lx.next(); tk.kindAt(t) !== Tok.Eof; t = lx.next()) out.push(`${tk.kindAt(t)}:${tk.textOf(t)}@${tk.startAt(t)}-${tk.endAt(t)}/${tk.originOf(t)?.name ?? ''}`);
          return out;
        };
        assert.deepEqual(run(true), run(false), JSON.stringify(text));
      }),
      { numRuns: Number(process.env.PF_FUZZ_RUNS ?? 1000) },
    );
  });

  test('every keyword is found by its characters in place, and a word one character longer or shorter is not', () => {
    for (const kw of PF_KEYWORDS) {
      const text = `x ${kw} y`;
      const id = keywordIdAt(text, 2, 2 + kw.length);
      assert.ok(id > 0, kw);
      assert.equal(PF_KEYWORDS[id - 1], kw);
      if (!PF_KEYWORDS.includes(`${kw}z`)) assert.equal(keywordIdAt(`${kw}z`, 0, kw.length + 1), 0, `${kw}z`);
      if (!PF_KEYWORDS.includes(kw.slice(0, -1))) assert.equal(keywordIdAt(kw, 0, kw.length - 1), 0, kw.slice(0, -1));
    }
    assert.equal(keywordIdAt('\u00e9tat', 0, 4), 0);
  });

  test('the lexer calls a word a keyword exactly when it is one (the trie walked while scanning)', () => {
    // Words built from keyword pieces: whole keywords, their prefixes and
    // extensions, one character changed, characters no keyword has, non-ASCII.
    const piece = fc.oneof(
      fc.constantFrom(...PF_KEYWORDS),
      fc.constantFrom(...PF_KEYWORDS).map((k) => k.slice(0, Math.max(1, k.length - 1))),
      fc.tuple(fc.constantFrom(...PF_KEYWORDS), fc.nat(), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-36Q_'))
        .map(([k, n, ch]) => `${k.slice(0, n % k.length)}${ch}${k.slice((n % k.length) + 1)}`), // one character changed
      fc.constantFrom('-', '6', 'x', 'Q', '_', '.', ':', '%', 'j', '\u00e9', 'in', 'et', 'to'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }), (parts) => {
        const w = parts.join('');
        const text = `${w} ${w}\n`;
        const lx = new PfLexer(text, { lookup: () => undefined, onComment: () => undefined, onError: () => undefined, budget: { chars: 1e6 } });
        const tk = lx.tokens;
        for (let t = lx.next(); tk.kindAt(t) !== Tok.Eof; t = lx.next()) {
          // The characters in the document, not the token's text (a keyword's is its table entry).
          const written = text.slice(tk.startAt(t), tk.endAt(t));
          if (tk.kindAt(t) === Tok.Keyword) assert.equal(tk.textOf(t), written, JSON.stringify(w));
          else if (tk.kindAt(t) === Tok.Word) assert.ok(!PF_KEYWORDS.includes(written), `${JSON.stringify(w)}: '${written}' is a keyword`);
        }
      }),
      { numRuns: Number(process.env.PF_FUZZ_RUNS ?? 2000) },
    );
  });
});
