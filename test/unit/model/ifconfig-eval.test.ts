import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fc from 'fast-check';
import { evalIfconfigWords, referencedNames, type EvalWord } from '../../../server/src/model/ifconfig-eval';
import { parseRcConf } from '../../../server/src/parsers/rcconf';

/** Words of a value that is its own document (offset i is character i). */
function words(value: string): EvalWord[] {
  const offsets = [...Array(value.length + 1).keys()];
  return evalIfconfigWords(value, offsets, value);
}

/** Words of the value of the first assignment in an rc.conf text, with the source each spans. */
function wordsIn(rc: string): { text: string; known: boolean; source: string; vars: string[] }[] {
  const [a] = parseRcConf(rc).assignments;
  return evalIfconfigWords(a.value, a.valueOffsets, rc).map((w) => ({ text: w.text, known: w.known, source: rc.slice(w.start, w.end), vars: w.vars }));
}

/**
 * What network.subr hands ifconfig for each value, run by /bin/sh: split at
 * blanks, joined with one space, then eval'd (as ifconfig_getargs and
 * ifalias_af_common do). The reference the splitter is held to.
 */
function shellWords(values: string[]): string[][] {
  const script = `set -f
f() { for a in "$@"; do printf '%s\\037' "$a"; done; printf '\\036'; }
for v in "$@"; do args=; for w in $v; do args="$args $w"; done; eval "f $args"; done`;
  const r = spawnSync('/bin/sh', ['-c', script, 'sh', ...values], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\x1e').slice(0, values.length).map((rec) => (rec === '' ? [] : rec.split('\x1f').slice(0, -1)));
}

describe('the eval reading of ifconfig values (model/ifconfig-eval)', () => {
  test('quotes, escapes and continuations group a word; the span covers all of it', () => {
    assert.deepEqual(
      words(`pass 'Top Secret' x`).map((w) => [w.text, w.written, w.start, w.end, w.known]),
      [
        ['pass', 'pass', 0, 4, true],
        ['Top Secret', "'Top Secret'", 5, 17, true],
        ['x', 'x', 18, 19, true],
      ],
    );
    assert.deepEqual(words('pass "Top Secret"').map((w) => w.text), ['pass', 'Top Secret']);
    assert.deepEqual(words('pass Top\\ Secret').map((w) => w.text), ['pass', 'Top Secret']);
    assert.deepEqual(words('pass "a\\"b\\\\c\\d"').map((w) => w.text), ['pass', 'a"b\\c\\d']);
    // network.subr rejoins the value with single spaces before the eval: a backslash before a line break escapes a space.
    assert.deepEqual(words('pass MAR\\\nKER').map((w) => [w.text, w.start, w.end]), [['pass', 0, 4], ['MAR KER', 5, 13]]);
    assert.deepEqual(words('pass \\\n MARKER').map((w) => [w.text, w.start]), [['pass', 0], [' MARKER', 5]]);
    assert.deepEqual(words("pass 'Top \t\n  Secret'").map((w) => [w.text, w.written]), [['pass', 'pass'], ['Top Secret', "'Top \t\n  Secret'"]]);
    assert.deepEqual(words("pass ''").map((w) => [w.text, w.known]), [['pass', true], ['', true]], "'' is an empty argument");
    assert.deepEqual(words(' \t\n ').map((w) => w.text), []);
  });

  test('expansions and substitutions make a word unknown and name the variables they read', () => {
    const [, a, b, c, d, e] = words('pass ${CARP_PASS} $P "x$Q" ${R:-$S} $(cat $T)`u $U`');
    assert.deepEqual([a.text, a.known, a.vars], ['${CARP_PASS}', false, ['CARP_PASS']]);
    assert.deepEqual([b.text, b.vars], ['$P', ['P']]);
    assert.deepEqual([c.text, c.known, c.vars], ['"x$Q"', false, ['Q']]);
    assert.deepEqual(d.vars, ['R', 'S']);
    assert.deepEqual([e.known, e.vars], [false, ['T', 'U']]);
    assert.deepEqual(words('a$ $1 b').map((w) => [w.text, w.known]), [['a$', true], ['$1', false], ['b', true]]);
  });

  test('operators, a word-initial # and unterminated quotes make a word unknown, and the rest is still one span', () => {
    assert.deepEqual(words('pass a;b').map((w) => [w.text, w.known]), [['pass', true], ['a;b', false]]);
    assert.deepEqual(words('pass #x y').map((w) => [w.text, w.known]), [['pass', true], ['#x', false], ['y', true]]);
    assert.deepEqual(words('pass a#b').map((w) => w.known), [true, true], '# inside a word is an ordinary character');
    assert.deepEqual(words("pass 'open rest of it").map((w) => [w.written, w.known, w.end]), [['pass', true, 4], ["'open rest of it", false, 21]]);
    assert.deepEqual(words('pass "open').map((w) => [w.written, w.known]), [['pass', true], ['"open', false]]);
  });

  test('inside an rc.conf value the span covers rc quoting and escapes too', () => {
    assert.deepEqual(wordsIn('x="inet pass \\"Top Secret\\" alias"\n')[2], { text: 'Top Secret', known: true, source: '\\"Top Secret\\"', vars: [] });
    assert.deepEqual(wordsIn("x='inet pass \"a b\"'\n")[2].source, '"a b"');
    assert.deepEqual(wordsIn('x=inet\\ pass\\ MARKE\\R\n')[2], { text: 'MARKER', known: true, source: 'MARKE\\R', vars: [] });
    assert.deepEqual(wordsIn('x="inet pass \\\nMARKER alias"\n')[2].source, 'MARKER', 'rc.conf removed the continuation');
    assert.deepEqual(wordsIn("x='inet pass MAR\\\nKER alias'\n")[2], { text: 'MAR KER', known: true, source: 'MAR\\\nKER', vars: [] });
  });

  test('referencedNames finds every $NAME and ${NAME…}', () => {
    assert.deepEqual(referencedNames('a$B ${C} ${#D} ${E:-$F} $1 $ x'), ['B', 'C', 'D', 'E', 'F']);
  });

  test('the words it calls known are the words /bin/sh makes of the value', () => {
    const fixed = [`pass 'Top Secret' alias`, 'pass "Top Secret"', 'pass Top\\ Secret', 'a"b"c d', "a'b'\"c\"\\d", 'x "a\\"b" \'\\\'', 'p "a\nb"', "p 'a\nb'", 'a\\\nb c', 'a$ b', 'a  b\t\tc\nd'];
    const alphabet = fc.constantFrom('a', 'b', ' ', '\t', '\n', "'", '"', '\\', '#');
    const random = fc.sample(fc.array(alphabet, { maxLength: 14 }).map((cs) => cs.join('')), { numRuns: 400, seed: 11 });
    const values = [...fixed, ...random].filter((v) => words(v).every((w) => w.known));
    assert.ok(values.length > 150, `enough values to compare (${values.length})`);
    const expected = shellWords(values);
    values.forEach((v, i) => assert.deepEqual(words(v).map((w) => w.text), expected[i], JSON.stringify(v)));
  });

  test('property: any value is read without throwing, word spans are ordered and inside the value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (v) => {
        let prev = 0;
        for (const w of words(v)) {
          assert.ok(w.start >= prev && w.end > w.start && w.end <= v.length, JSON.stringify([v, w]));
          prev = w.end;
        }
      }),
    );
  });
});
