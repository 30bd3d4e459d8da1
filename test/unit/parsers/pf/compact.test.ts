import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { compactStatementCount, parsePfConf, parsePfConfEagerly, releaseStatements, type PfParseOptions } from '../../../../server/src/parsers/pf';
import { generatePfRuleset } from '../../../bench/pf';
import { optionalPfCorpus, PF_CORPUS_SKIP } from '../../../helpers/pf-corpus';

/**
 * Compact mode (statements validated without being built — common filter
 * rules on a fast path — and built on first read by lexing their text again)
 * must give exactly what building every statement while parsing gives:
 * statements, errors, indexes, in order. Compared as JSON, which reads every
 * lazily built part.
 */

const includes: PfParseOptions = { resolveInclude: (p) => (p.endsWith('.inc') ? 'inc_if = "em9"\npass on $inc_if\n' : undefined) };

function assertSameParse(text: string, label: string): void {
  const compact = parsePfConf(text, includes);
  const eager = parsePfConfEagerly(text, includes);
  assert.deepEqual(JSON.parse(JSON.stringify(compact)), JSON.parse(JSON.stringify(eager)), label);
}

/** Every pfctl regression input (accepted and rejected) and every pf-examples ruleset; none when the corpus is absent. */
function corpus(): [string, string][] {
  const found = optionalPfCorpus();
  if (!found) return [];
  const out: [string, string][] = [];
  for (const [sub, dir] of [['pfctl', found.pfctl], ['pf-examples', found.examples]]) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (name !== 'MANIFEST.json') out.push([`${sub}/${name}`, fs.readFileSync(path.join(dir, name), 'utf8')]);
    }
  }
  return out;
}

const BUILT_IN = `ext_if = "em0"
tcp_services = "{ ssh, https }"
table <bruteforce> persist
set skip on lo0
scrub in all
nat on $ext_if from 10.0.0.0/8 to any -> ($ext_if)
block in log all
pass in on $ext_if proto tcp to port $tcp_services flags S/SA keep state (max-src-conn 10, overload <bruteforce> flush global)
pass out on $ext_if route-to (em1 192.0.2.1) inet from any to any
pass in on $ext_if proto tcp to port 70000 rdr-to 10.0.0.5 port 8080
block return-icmp(net-unr) in quick on $ext_if from <bogons> to any label "bogons"
pass from { 10.0.0.1 10.0.0.2 } to { 10.0.1.1 10.0.1.2 } port { 1 2 3 } keep state
pass in on $undefined_if all
pass in qiuck on $ext_if all
big_port = "99999"
pass in proto tcp to port { -5 65535 65536 $big_port 1024:70000 ssh } keep state
include "extra.inc"
anchor "a" {
 pass in on $ext_if
}
no nat pass on $ext_if from 10.0.0.1 to any
no rdr on $ext_if from any to 10.0.0.2 -> 10.0.0.3
nat on $ext_if from 10.0.0.0/8 to any -> 192.0.2.1 round-robin
rdr on $ext_if proto tcp to port 80 -> 10.0.0.5 port 8080 static-port
match out on $ext_if from 10.0.0.0/8 to any nat-to <pool> bitmask
match in on $ext_if proto tcp to port 80 rdr-to 10.0.0.5 port 8080
block in on $ext_if route-to (em1 192.0.2.1) from any to any
pass in on $ext_if dup-to (em1 2001:db8::1) inet from any to any
pass in on $ext_if route-to (em1 2001:db8::1) inet from any to any
`;

describe('pf parser: compact mode gives exactly the eager parse', () => {
  test('every corpus file', { skip: PF_CORPUS_SKIP }, () => {
    const inputs = corpus();
    assert.ok(inputs.length > 250, `only ${inputs.length} corpus files`);
    for (const [label, text] of inputs) assertSameParse(text, label);
  });

  test('a built-in ruleset and a generated 100 KB ruleset', () => {
    for (const [label, text] of [['built-in', BUILT_IN], ['generated', generatePfRuleset(100_000)]]) assertSameParse(text, label);
  });

  test('compact mode is actually used: most statements of a generated ruleset are not built while parsing', () => {
    // Without this the comparison above could pass by comparing the eager parse with itself.
    const text = generatePfRuleset(100_000);
    const lines = text.split('\n').filter((l) => /^(pass|block)\b/.test(l)).length;
    const file = parsePfConf(text);
    assert.ok(compactStatementCount(file) >= lines - 2, `${compactStatementCount(file)} of ${lines} rules read in compact mode`);
    assert.equal(compactStatementCount(parsePfConfEagerly(text)), 0);
  });

  test('every file shares one accessor per lazy field (per-file closures made V8 keep whole parses alive)', () => {
    const a = parsePfConf(generatePfRuleset(5_000));
    const b = parsePfConf(BUILT_IN, includes);
    for (const key of ['statements', 'macroUses', 'interfaces', 'tableRefs'] as const) {
      const da = Object.getOwnPropertyDescriptor(a, key);
      const db = Object.getOwnPropertyDescriptor(b, key);
      if (da?.get === undefined || db?.get === undefined) continue; // short indexes are built at once
      assert.equal(da.get, db.get, key);
      assert.equal(da.set, db.set, key);
    }
    assert.ok(Object.getOwnPropertyDescriptor(a, 'statements')?.get, 'statements are lazy');
  });

  test('statements are built once: reading them twice gives the same objects', () => {
    const file = parsePfConf(BUILT_IN, includes);
    assert.ok(compactStatementCount(file) > 0);
    assert.equal(file.statements, file.statements);
    assert.equal(file.statements[7], file.statements[7]);
  });

  test('a statement is built from its text with the macros defined before it, wherever they were defined', () => {
    // Built statements are lexed again from their text; these are the cases where
    // that could differ from the first reading: a macro redefined (from itself)
    // after the rule, macros from an included file, a rule that starts with a
    // macro, a rule continued over lines, CRLF line ends, a byte-order mark.
    const text = [
      '\ufeffif = "em0"',
      'pass in on $if proto tcp to port 22',
      'if = $if em1',
      'pass out on { $if } all',
      'include "extra.inc"',
      'pass in on $inc_if from <t> to any',
      'act = "block in"',
      '$act quick on { $if } from 10.0.0.0/8 \\',
      '  to any port { 80 443 } # a comment',
      'if = "em2"\r',
      'pass on $if all\r',
      'pass on $if inet proto udp from any port 53 to (em0) keep state (max-src-conn 5)',
      '',
    ].join('\n');
    const file = parsePfConf(text, includes);
    assert.ok(compactStatementCount(file) >= 6, `${compactStatementCount(file)} statements read in compact mode`);
    assertSameParse(text, 'macros and layout');
    const on = file.statements.filter((s) => s.type === 'filter').map((s) => s.interfaces?.items.map((i) => i.name.text).join(' '));
    assert.deepEqual(on, ['em0', 'em0 em1', 'em9', 'em0 em1', 'em2', 'em2']);
  });

  test('mutated rulesets (random edits) parse the same in both modes', () => {
    // Without the corpus only the built-in ruleset is mutated (scripts/pfctl-corpus.mjs check says so before the run).
    const seeds = [BUILT_IN, ...corpus().filter(([n]) => /\.(in|ok|conf)$/.test(n)).map(([, t]) => t)];
    const edit = fc.oneof(
      fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 8 }), s: fc.constantFrom('', '{', '}', '(', ')', '"', '$', '$ext_if', '\\\n', '\n', ' ', ',', '<', '>', '!', '-', '/', ':', '#', 'pass', 'from', 'port', 'x') }),
    );
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 6 }), (pick, edits) => {
        let text = seeds[pick % seeds.length];
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.s + text.slice(at + e.del);
        }
        assertSameParse(text, text);
      }),
      { numRuns: Number(process.env.PF_FUZZ_RUNS ?? 300) },
    );
  });

  test('filter rules around the edges of the fast path parse the same in both modes', () => {
    // Compact mode reads common pass/block/match rules on a fast path that must
    // accept exactly what the general productions accept without a message, and
    // record the same index entries. Each slot mixes shapes it takes with ones
    // it must leave to the general path (errors, semantic messages, routes).
    // Each slot: shapes the fast path takes (often) and shapes it must leave to the general path (now and then).
    const shapes: string[][] = [];
    const slot = (good: string[], bad: string[]) => {
      shapes.push([...good, ...bad]);
      return fc.oneof({ arbitrary: fc.constantFrom('', ...good), weight: 7 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
    };
    const rule = fc.tuple(
      slot(['pass', 'block', 'match', 'block drop', 'block return', 'block return-rst', 'block return-icmp', 'block return-icmp(1)', 'block return-icmp(net-unr, 3)', 'block return-icmp6(1)', 'block return-rst(ttl 5)'], ['block return-icmp6(1, 2)', 'block return-rst(5)', 'block return-icmp()', 'block return-icmp(1', 'block drop(1)', 'antispoof']),
      slot(['in', 'out'], ['in out']),
      slot(['log', 'quick', 'log quick', 'quick log', 'log (all)', 'log (all, to pflog1)', 'quick log (matches user)', 'log (to $m) quick'], ['log log', 'quick quick', 'log ()', 'log (all,)', 'log (to)', 'log (x)', 'log (all']),
      slot(['on em0', 'on { em0 em1 }', 'on { em0, em1 }', 'on any', 'on $m', 'on { $m em2 }', 'on "em0"'], ['on { em0, }', 'on { }', 'on !em0', 'on', 'on {em0 {em1}}', 'on { em0\n em1 }']),
      slot([], ['route-to em1', 'reply-to (em0 1.2.3.4)', 'fastroute']),
      slot(['inet', 'inet6'], ['inet inet6']),
      slot(['proto tcp', 'proto { tcp udp }', 'proto 6', 'proto "tcp"', 'proto $l'], ['proto { tcp, }', 'proto']),
      slot(['all', 'from any', 'from <t>', 'from ! 10.0.0.1', 'from any port 53'], ['all from any', 'from', 'os x']),
      slot(['10.0.0.1', '10.0.0.0/8', '<t>', '!<t>', '1/8', '{ 10.0.0.1 10.0.0.2 }', 'self', '! any', 'no-route', '$m', '"h"', '(em0)', '(em0)/24', '! (em0:network)', 'a - b', '{ a - b c }'], ['10.0.0.0/33', '<t', '1', '(em0', '()', '(em0)/x', '{ a { b } }', 'a - ', 'a - 5', '{ a, }', '<$m>', '10.0.0.1/x']),
      slot(['port 80', 'port 65535', 'port 0', 'port 00080', 'port ssh', 'port 1024:65535', 'port { 80 443 }', 'port $p', 'port $l', 'port 5:5', 'port = 80', 'port != ssh', 'port < 1024', 'port >= 65535', 'port 80 >< 90', 'port 80 <> ssh', 'port { = 80 > 1024 }', 'port $r', 'port { 22 $r }'], ['port $bad_range', 'port = 65536', 'port > -1', 'port = "80"', 'port 1:2 <> 3', 'port 80 >< 70000', 'port 65536', 'port -1', 'port 123456', 'port 2:1', 'port 1:70000', 'port a:b', 'port :80', 'port "80"', 'port { 80, }', 'port', 'port 99999:99999']),
      slot(['flags S/SA', 'flags any', 'flags /SA', 'label "x"', 'label x', 'label 5', 'tag y', 'tagged y', 'queue q', 'fragment', 'allow-opts', 'once', 'no state', 'queue (a, b)', 'queue (a b)', 'dnpipe 1', 'dnqueue (1, 2)', 'icmp-type echoreq', 'icmp-type { echoreq unreach code 1 }', 'icmp6-type 1 icmp-type { 1 2 3 }', 'user root', 'user { root, 0 }', 'group wheel', 'user = root', 'user 1 >< 5', 'group { != 0 >= 1000 }', 'user 1 <> ssh', 'tos 0x10', 'probability 50%', 'ridentifier 5', 'prio 3', 'rtable 1', 'max-pkt-size 100', 'received-on em0', 'received-on any', 'divert-to 127.0.0.1 port 8080', 'divert-to 1.2.3.4', 'max-pkt-rate 10/1', 'set prio 3', 'set ( prio 2 )', 'set (prio 2, tos 0x08)', 'set ( prio(5, 2) )', 'set prio (5 2)', 'set tos lowdelay', 'set ( prio 1, )'], ['flags S/', 'flags S', '! tagged y', 'no', 'divert-reply', 'label', 'tag', 'queue (a,)', 'queue ()', 'icmp-type', 'icmp-type 1 code', 'icmp-type { 1, }', 'user =', 'user <> 5', 'user 1 ><', 'user = 1 <> 2', 'user = { 1 }', 'user', 'prio x', 'prio', 'received-on', '! received-on em0', 'divert-to', 'divert-to 1 port', 'max-pkt-rate 10', 'max-pkt-rate 10/', 'rtable "1"', 'set', 'set ( )', 'set prio', 'set prio x', 'set ( prio 1', 'set prio (1)', 'set prio (1, 2', 'set (prio 1 tos)', 'set x 1', 'set ( , prio 1 )']),
      slot(['keep state', 'modulate state', 'synproxy state', 'keep state (max 10, no-sync)', 'keep state (max-src-conn-rate 1/2, overload <t> flush global)', 'keep state (max 10 if-bound)', 'keep state (source-track rule, max-src-nodes 5)', 'keep state (overload <t>)'], ['keep', 'keep state ()', 'keep state (max 10,)', 'keep state (tcp.established 10)', 'keep state (max x)', 'keep state (max-src-conn-rate 1)', 'keep state (overload <t> flush', 'keep state (max 1']),
      slot(
        ['nat-to 1.2.3.4', 'nat-to (em0)', 'rdr-to 10.0.0.5 port 8080', 'rdr-to 10.0.0.5 port 1024:2048', 'rdr-to 1.2.3.4 port 80:*', 'rdr-to 1.2.3.4 port 0:0', 'rdr-to 1.2.3.4 port $r', 'rdr-to <t> port ssh round-robin', 'nat-to { 1.2.3.4 1.2.3.5 } round-robin sticky-address', 'binat-to 10.0.0.0/24', 'nat-to $m port 0', 'rdr-to 10.0.0.1 random', 'nat-to 1.2.3.4 endpoint-independent prefer-ipv6-nexthop'],
        ['nat-to', 'nat-to 1.2.3.4 port', 'rdr-to 10.0.0.5 port 65536', 'rdr-to 10.0.0.5 port 2048:1024', 'rdr-to 10.0.0.5 port 1:70000', 'rdr-to 1.2.3.4 port 99999:*', 'rdr-to 1.2.3.4 port 70000:80', 'rdr-to 1.2.3.4 port 80:', 'rdr-to 1.2.3.4 port :80', 'rdr-to 1.2.3.4 port a:b', 'rdr-to 1.2.3.4 port 80:**', 'rdr-to 1.2.3.4 port $p', 'rdr-to 1.2.3.4 port $bad_range', 'nat-to 1.2.3.4 static-port', 'nat-to 1.2.3.4 port 80 static-port', 'rdr-to 1.2.3.4 static-port', 'nat-to <t> bitmask', 'nat-to (em0) bitmask', 'nat-to 1.2.3.4 source-hash', 'nat-to { a { b } }', 'nat-to 1.2.3.4 port "80"', 'rdr-to 1.2.3.4 map-e-portset 6/8/0x34', 'af-to inet6 from 2001:db8::1', 'nat-to 1.2.3.4 rdr-to 5.6.7.8'],
      ),
      slot(['# c'], ['{', '}', '(', 'quick', 'x', '$undefined', '"', '\\', 'pass']),
    );
    const head = 'm = "em0"\np = "99999"\nl = "{ a b }"\nr = "1024:2048"\nbad_range = "2048:1024"\ntable <t> persist\n';
    // Past the expansion cap a rule is built for its checks, fast path or not.
    const items = (f: (i: number) => string) => `{ ${Array.from({ length: 50 }, (_, i) => f(i)).join(' ')} }`;
    assertSameParse(`${head}pass from ${items((i) => `10.0.0.${i}`)} to ${items((i) => `10.1.0.${i}`)} port ${items((i) => `${1000 + i}`)}\n`, 'expansion cap');
    // Only the first icmp-type list multiplies (50 × 50 × 50 is past the cap, 50 × 50 × 2 is not).
    const hosts = `from ${items((i) => `10.0.0.${i}`)} to ${items((i) => `10.1.0.${i}`)}`;
    assertSameParse(`${head}pass ${hosts} icmp-type ${items((i) => `${i}`)} user { a b }\npass ${hosts} icmp-type { 1 2 } icmp6-type ${items((i) => `${i}`)}\n`, 'icmp expansion');
    const assemble = (parts: string[]): string => {
      const [action, dir, lq, on, route, af, proto, fromTo, host, port, opt, state, target, junk] = parts;
      const to = host || port ? ` to ${host} ${port}` : '';
      return [action, dir, lq, on, route, af, proto, fromTo, to, opt, state, target, junk].filter(Boolean).join(' ');
    };
    // Every shape alone in a plain rule first (a rare shape may never meet the random mix below without another error).
    shapes.forEach((list, i) => {
      for (const shape of list) {
        const text = `${head}${assemble(shapes.map((_, j) => (j === i ? shape : j === 0 ? 'pass' : '')))}\n`;
        assertSameParse(text, text);
      }
    });
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 4 }), (rules) => {
        const text = head + rules.map(assemble).join('\n') + '\n';
        assertSameParse(text, text);
      }),
      { numRuns: Number(process.env.PF_FUZZ_RUNS ?? 1000) },
    );
  });

  test('old-style nat and rdr rules around the edges of the fast path parse the same in both modes', () => {
    // The same idea for translation rules (fast-translation.ts): slots mixing
    // shapes the fast path takes with ones it must leave to the general path,
    // or read built because their checks need the tree (`no` with `->`).
    const shapes: string[][] = [];
    const slot = (good: string[], bad: string[]) => {
      shapes.push([...good, ...bad]);
      return fc.oneof({ arbitrary: fc.constantFrom('', ...good), weight: 7 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
    };
    const rule = fc.tuple(
      slot([], ['no']),
      fc.oneof({ arbitrary: fc.constantFrom('nat', 'rdr'), weight: 9 }, { arbitrary: fc.constantFrom('binat', 'pass', 'nat-anchor'), weight: 1 }),
      slot(['pass', 'log', 'pass log', 'pass log (all)', 'log (to pflog1)'], ['log pass', 'pass pass', 'log ()', 'pass log (x)']),
      slot(['on em0', 'on { em0 em1 }', 'on $m', 'on any'], ['on !em0', 'on', 'on { }']),
      slot(['inet', 'inet6'], ['inet inet6']),
      slot(['proto tcp', 'proto { tcp udp }', 'proto $l'], ['proto', 'proto { tcp, }']),
      slot(['all', 'from 10.0.0.0/8', 'from <t> to any', 'from any to 192.0.2.1 port 80', 'to (em0) port { 80 443 }', 'from ! 10.0.0.1 port 1024:65535 to any'], ['from', 'all all', 'from any os x to any', 'to any port 65536', 'from any port 2:1', 'to']),
      slot(['tag x', 'tagged y', 'rtable 1', 'tag x tagged y'], ['! tagged y', 'tag', 'rtable x', 'rtable']),
      slot(['-> 192.0.2.1', '-> (em0)', '-> { 192.0.2.1 192.0.2.2 } round-robin', '-> 10.0.0.5 port 8080', '-> <t> random sticky-address', '-> $m port ssh', '-> 10.0.0.5 port 1000:2000', '-> 10.0.0.5 port 80:*'], ['->', '-> 10.0.0.5 port', '-> 10.0.0.5 port 65536', '-> 10.0.0.5 port 2000:1000', '-> 10.0.0.5 port 99999:*', '-> 10.0.0.5 port 70000:80', '-> 10.0.0.5 port 1:65536', '-> 10.0.0.5 port x:*', '-> 1.2.3.4 static-port', '-> 1.2.3.4 port 80 static-port', '-> <t> bitmask', '-> 1.2.3.4 map-e-portset 6/8/0x34', '-> 1.2.3.4 tag x', '-> { a { b } }']),
      slot(['# c'], ['{', '}', 'x', '$undefined', '"', '\\']),
    );
    const head = 'm = "em0"\nl = "{ tcp udp }"\ntable <t> persist\n';
    // Every shape alone in `nat on em0 from any to any -> 192.0.2.1` first (see the filter rules' test).
    const plain = ['', 'nat', '', 'on em0', '', '', 'from any to any', '', '-> 192.0.2.1', ''];
    shapes.forEach((list, i) => {
      // The action is not a `slot` (its own oneof): `shapes` index i is rule part i + (i > 0 ? 1 : 0).
      const at = i === 0 ? 0 : i + 1;
      for (const shape of list) {
        const text = `${head}${plain.map((p, j) => (j === at ? shape : p)).filter(Boolean).join(' ')}\n`;
        assertSameParse(text, text);
      }
    });
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 4 }), (rules) => {
        const text = head + rules.map((parts) => parts.filter(Boolean).join(' ')).join('\n') + '\n';
        assertSameParse(text, text);
      }),
      { numRuns: Number(process.env.PF_FUZZ_RUNS ?? 1000) },
    );
  });

  test('released statements are built again, equal but new, in the file and in its included files', () => {
    const file = parsePfConf(BUILT_IN, includes);
    const before = file.statements;
    const included = file.includes[0].included!;
    const includedBefore = included.statements;
    releaseStatements(file);
    assert.notEqual(file.statements, before);
    assert.deepEqual(JSON.parse(JSON.stringify(file.statements)), JSON.parse(JSON.stringify(before)));
    assert.notEqual(included.statements, includedBefore);
    assert.deepEqual(included.statements, includedBefore);
  });

  test('releasing keeps statements that were assigned, and an eager parse has nothing to release', () => {
    const eager = parsePfConfEagerly(BUILT_IN);
    const list = eager.statements;
    releaseStatements(eager);
    assert.equal(eager.statements, list);
    const file = parsePfConf(BUILT_IN);
    file.statements = file.statements.slice(0, 2);
    const assigned = file.statements;
    releaseStatements(file);
    assert.equal(file.statements, assigned);
  });
});
