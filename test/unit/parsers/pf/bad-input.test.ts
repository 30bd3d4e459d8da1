import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parsePfConf, MAX_RULE_EXPANSION, type PfFile, type PfStatement } from '../../../../server/src/parsers/pf';
import { optionalPfCorpus } from '../../../helpers/pf-corpus';

/**
 * Parses hostile input. How long these take is measured by `npm run bench`
 * (never by a timed test); here each must finish with bounded, correct results.
 */
function timed(text: string): { r: PfFile } {
  return { r: parsePfConf(text) };
}

/** Every offset a parse result exposes, walked generically (statements, errors, indexes). */
function assertRangesInside(r: PfFile, length: number): void {
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      assert.ok(o.start >= 0 && o.start <= o.end && o.end <= length, `bad range [${o.start}, ${o.end}] in a ${length}-character text`);
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'included') walk(x);
  };
  walk(r);
  // parsePfConf turns an internal exception into an error record; none may happen.
  assert.ok(!r.errors.some((e) => e.message.startsWith('internal pf parser error')), r.errors.map((e) => e.message).join('; '));
}

describe('pf parser: hostile input is bounded and reported', () => {
  test('deeply nested lists stop at the nesting cap with a limit record', () => {
    const { r } = timed(`pass from ${'{'.repeat(100000)}10.0.0.1${'}'.repeat(100000)}\npass\n`);
    assert.deepEqual(r.errors.map((e) => e.kind), ['limit']);
    assert.match(r.errors[0].message, /nesting deeper than 64 levels/);
    assert.deepEqual(r.statements.map((s) => s.type), ['invalid', 'filter']);
  });

  test('10,000 macros, all used in one list', () => {
    const defs = Array.from({ length: 10000 }, (_, i) => `m${i} = "10.${i >> 8}.${i & 255}.1"`).join('\n');
    const uses = Array.from({ length: 10000 }, (_, i) => `$m${i}`).join(' ');
    const { r } = timed(`${defs}\npass from { ${uses} } to any\n`);
    assert.deepEqual(r.errors, []);
    const rule = r.statements[10000];
    assert.equal(rule.type === 'filter' && rule.from?.hosts?.items.length, 10000);
  });

  test('a macro that refers to itself neither loops nor grows', () => {
    const { r } = timed('a = "$a"\npass from $a\nb = "x"\nb = $b $b\n');
    assert.equal(r.macros.find((m) => m.name === 'b' && m.value === 'x x') !== undefined, true);
    assert.equal(r.errors.length, 1);
  });

  test('a macro doubling itself on every line is capped, not exponential', () => {
    const { r } = timed(`a = "x y"\n${'a = $a $a\n'.repeat(60)}pass from { $a }\n`);
    assert.ok(r.errors.some((e) => e.kind === 'limit' && /characters long after expansion/.test(e.message)));
    assert.ok(r.errors.some((e) => e.kind === 'limit' && /macro expansion limit reached/.test(e.message)));
    assert.ok(r.macros.every((m) => m.value.length <= 65536));
  });

  test('unbalanced braces: stray "}" and an unclosed anchor body', () => {
    const r = parsePfConf('pass in }\n}\nblock all\nanchor foo {\npass\n');
    assert.deepEqual(r.errors.map((e) => e.message), [
      "syntax error: unexpected '}'",
      "syntax error: unexpected '}'",
      "syntax error: end of file inside the anchor body; its closing '}' is missing",
    ]);
    assert.deepEqual(r.statements.map((s: PfStatement) => s.type), ['invalid', 'invalid', 'filter', 'anchor']);
  });

  test('a 1 MB ruleset parses without errors', () => {
    const rule = 'pass in on em0 inet proto tcp from { 10.0.0.0/8 192.168.0.0/16 } to any port { 22 80 443 } keep state label "web"\n';
    const text = `ext_if = "em0"\n${rule.repeat(Math.ceil(1e6 / rule.length))}`;
    const { r } = timed(text);
    assert.deepEqual(r.errors, []);
  });

  test('a rule expanding into millions of rules is counted arithmetically and flagged', () => {
    const list = `{ ${Array.from({ length: 1000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(' ')} }`;
    const { r } = timed(`pass from ${list} to ${list} port { 1 2 3 4 5 6 7 8 9 10 }\n`);
    const rule = r.statements[0];
    assert.equal(rule.type === 'filter' && rule.expansionCount, 10_000_000);
    assert.deepEqual(r.errors.map((e) => e.kind), ['limit']);
    assert.match(r.errors[0].message, new RegExp(`expands into 10000000 rules .*more than ${MAX_RULE_EXPANSION}`));
  });

  test('binary garbage and a huge error count are bounded', () => {
    const junk = Array.from({ length: 200000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const { r } = timed(junk);
    assert.ok(r.errors.length <= 1000);
    assertRangesInside(r, junk.length);
  });
});

/**
 * Corpus files to mutate, after a built-in ruleset. Without the corpus only the
 * built-in one is mutated (scripts/pfctl-corpus.mjs check says so before the run).
 */
function seeds(): string[] {
  const builtIn = 'ext_if = "em0"\ntable <bad> persist\nset skip on lo0\nanchor "a" {\n pass in on $ext_if proto tcp to port { 22 80 } keep state (max 10)\n}\nnat on $ext_if from 10.0.0.0/8 to any -> ($ext_if)\n';
  const corpus = optionalPfCorpus();
  if (!corpus) return [builtIn];
  return [builtIn, ...fs.readdirSync(corpus.pfctl).filter((n) => /\.(in|ok)$/.test(n)).sort().map((n) => fs.readFileSync(path.join(corpus.pfctl, n), 'utf8'))];
}

describe('pf parser: property test over mutated corpus files', () => {
  const files = seeds();
  const edit = fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom('{', '}', '"', "'", '\\', '\\\n', '\n', '$', '$ext_if', '#', '(', ')', '<', '>', '!', ',', '/', '-', '\f', '\r', 'pass ', 'anchor x {\n', '\uFEFF') }),
    fc.record({ op: fc.constant('dup' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  );
  type Edit = { op: 'delete'; at: number; len: number } | { op: 'insert'; at: number; s: string } | { op: 'dup'; at: number; len: number } | { op: 'swap'; a: number; b: number };
  const apply = (text: string, e: Edit): string => {
    if (e.op === 'swap') {
      const lines = text.split('\n');
      const a = e.a % lines.length;
      const b = e.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    const at = text.length ? e.at % (text.length + 1) : 0;
    if (e.op === 'delete') return text.slice(0, at) + text.slice(at + e.len);
    if (e.op === 'insert') return text.slice(0, at) + e.s + text.slice(at);
    return text.slice(0, at) + text.slice(at, at + e.len) + text.slice(at);
  };

  test('never throws; every range stays inside the document', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 12 }), (pick, edits) => {
        const text = edits.reduce(apply, files[pick % files.length]);
        const r = parsePfConf(text, { resolveInclude: () => 'pass\n' });
        assertRangesInside(r, text.length);
      }),
      { numRuns: Number(process.env.PF_FUZZ_RUNS ?? 400) },
    );
  });

  test('completion at any offset never throws', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (pick, at) => {
        const text = files[pick % files.length];
        const r = parsePfConf(text, { cursor: at % (text.length + 1) });
        assertRangesInside(r, text.length);
      }),
      { numRuns: 200 },
    );
  });
});
