import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  parsePfConf, parsePfConfEagerly, pfKeywordsAt, type PfAnchorRule, type PfEtherRule, type PfFilterRule, type PfQueueDef, type PfScrubRule, type PfSetOption,
  type PfStatement, type PfTableDef, type PfTranslationRule, type Span,
} from '../../../../server/src/parsers/pf';

function one<T extends PfStatement>(text: string): T {
  const r = parsePfConf(text);
  assert.deepEqual(r.errors, []);
  return r.statements[0] as T;
}

const slice = (text: string, s: Span | undefined): string => (s ? text.slice(s.start, s.end) : '<none>');

describe('pf parser: filter rules', () => {
  const text = 'block return-icmp(net-unr) in log (all, to pflog1) quick on ! em0 inet proto { tcp udp } from ! 10.0.0.0/8 port 1024:2048 to <web> port { = 80, > 1023, 6000 >< 6010 } flags S/SA keep state (max 100, source-track rule, overload <bad> flush global) label "web" tag WEB\n';
  const r = one<PfFilterRule>(text);

  test('header parts in pfctl order, each with its exact source range', () => {
    assert.deepEqual([r.type, r.action, r.order, r.blockPolicy?.text, r.blockPolicyArgs?.map((a) => a.text)], ['filter', 'block', 'filter', 'return-icmp', ['net-unr']]);
    assert.deepEqual([slice(text, r.direction), slice(text, r.log), r.log?.to?.text, slice(text, r.quick)], ['in', 'log (all, to pflog1)', 'pflog1', 'quick']);
    assert.deepEqual(r.interfaces?.items.map((i) => [i.name.text, i.negated, slice(text, i)]), [['em0', true, '! em0']]);
    assert.deepEqual([r.af?.text, r.protocols?.items.map((p) => p.text), r.protocols?.braced], ['inet', ['tcp', 'udp'], true]);
  });

  test('addresses and ports keep raw text, parts and ranges', () => {
    const h = r.from!.hosts!.items[0];
    assert.deepEqual([h.kind, h.negated, h.text, h.address?.text, h.prefix?.text, slice(text, h)], ['address', true, '10.0.0.0/8', '10.0.0.0', '8', '! 10.0.0.0/8']);
    const p = r.from!.ports!.items[0];
    assert.deepEqual([p.op, p.low?.text, p.high?.text, slice(text, p.low), slice(text, p.high)], [':', '1024', '2048', '1024', '2048']);
    const t = r.to!.hosts!.items[0];
    assert.deepEqual([t.kind, t.table?.text, slice(text, t)], ['table', 'web', '<web>']);
    assert.deepEqual(r.to!.ports!.items.map((x) => [x.op, x.text]), [['=', '= 80'], ['>', '> 1023'], ['><', '6000 >< 6010']]);
  });

  test('options in any order; state options typed; tables referenced', () => {
    assert.deepEqual(r.options.map((o) => o.name), ['flags', 'keep', 'label', 'tag']);
    assert.deepEqual(r.options[0].values.map((v) => v.text), ['S', 'SA']);
    assert.deepEqual(r.options[1].stateOptions?.map((s) => [s.name, s.values.map((v) => v.text)]), [['max', ['100']], ['source-track', ['rule']], ['overload', ['flush', 'global']]]);
    assert.deepEqual(r.options[2].values[0].quoted, true);
    const refs = parsePfConf(text).tableRefs;
    assert.deepEqual(refs.map((x) => [x.name, slice(text, x)]), [['web', '<web>'], ['bad', '<bad>']]);
  });

  test('expansion count is the product of the lists, never materialised', () => {
    assert.equal(r.expansionCount, 2 * 3);
  });

  test('route-to with pool options, af-to, nat-to on pass/match rules', () => {
    const t2 = 'pass in on em0 route-to (em1 10.0.0.1) round-robin inet proto tcp to port 80 nat-to (em1) port 1024:65535 sticky-address\n';
    const x = one<PfFilterRule>(t2);
    assert.deepEqual([x.route?.keyword.text, x.route?.target?.routeHosts?.[0].interface.name.text, x.route?.target?.hosts.items[0].text, x.route?.target?.pool[0].name], ['route-to', 'em1', '10.0.0.1', 'round-robin']);
    const nat = x.options.find((o) => o.name === 'nat-to')!;
    assert.deepEqual([nat.redirect?.hosts.items[0].kind, nat.redirect?.port?.text, nat.redirect?.pool.map((p) => p.name)], ['dynamic', '1024:65535', ['sticky-address']]);
    const af = one<PfFilterRule>('pass in inet6 from any to 64:ff9b::/96 af-to inet from 203.0.113.1 to 203.0.113.2\n').options[0];
    assert.deepEqual([af.name, af.redirect?.af?.text, af.redirect?.hosts.items[0].text, af.redirect?.to?.hosts.items[0].text], ['af-to', 'inet', '203.0.113.1', '203.0.113.2']);
  });

  test('address forms: range, dynamic with prefix, no-route, self, any, nested lists flatten', () => {
    const t3 = 'pass from { 10.1.2.3 - 10.1.2.4, (em0:network)/24, { no-route self } } to any\n';
    const x = one<PfFilterRule>(t3);
    assert.deepEqual(x.from?.hosts?.items.map((h) => [h.kind, h.text]), [['range', '10.1.2.3 - 10.1.2.4'], ['dynamic', '(em0:network)/24'], ['no-route', 'no-route'], ['self', 'self']]);
    assert.equal(x.to?.hosts?.items[0].kind, 'any');
    assert.equal(x.expansionCount, 4);
  });
});

describe('pf parser: other statement families', () => {
  test('old-style nat/rdr/binat with pass, tag, redirect pool', () => {
    const text = 'rdr pass log on em0 proto tcp from any to 198.51.100.1 port 80 tag WWW -> { 192.0.2.10 192.0.2.11 } port 8080 round-robin sticky-address\n';
    const r = one<PfTranslationRule>(text);
    assert.deepEqual([r.type, r.action, r.order, !!r.pass, !!r.log, r.options[0].name], ['translation', 'rdr', 'translation', true, true, 'tag']);
    assert.deepEqual([r.redirect?.hosts.items.map((h) => h.text), r.redirect?.port?.text, r.redirect?.pool.map((p) => p.name)], [['192.0.2.10', '192.0.2.11'], '8080', ['round-robin', 'sticky-address']]);
    assert.equal(one<PfTranslationRule>('no nat on em0 from 10.0.0.1 to any\n').no?.text, 'no');
  });

  test('translation requires "->" unless negated', () => {
    assert.deepEqual(parsePfConf('nat on em0 from any to any\n').errors.map((e) => e.message), ["translation rule requires '-> address'"]);
  });

  test('scrub rules refuse quick at the word, written or from a macro, compact and eagerly built alike', () => {
    const text = 'q = "quick"\nscrub in quick all\nscrub out $q on em0 all\n';
    for (const parse of [parsePfConf, parsePfConfEagerly]) {
      const r = parse(text);
      assert.deepEqual(r.errors.map((e) => [e.message, text.slice(e.start, e.end), e.related?.[0]?.message]), [
        ["scrub rules do not support 'quick'", 'quick', undefined],
        ["scrub rules do not support 'quick'", '$q', "macro 'q' is defined here"],
      ]);
      assert.equal(slice(text, (r.statements[1] as PfScrubRule).quick), 'quick');
    }
  });

  test('inline anchors nest; names, bodies and ranges are kept', () => {
    const text = 'anchor "foo" in on lo0 {\n  anchor bar {\n    pass in\n  }\n  block\n}\nanchor "relayd/*"\nload anchor spam from "/etc/pf-spam.conf"\n';
    const r = parsePfConf(text);
    assert.deepEqual(r.errors, []);
    const a = r.statements[0] as PfAnchorRule;
    assert.deepEqual([a.name?.text, a.direction?.text, a.body?.map((s) => s.type), slice(text, { start: a.bodyStart!, end: a.bodyEnd! })], ['foo', 'in', ['anchor', 'filter'], text.slice(text.indexOf('{'), text.indexOf('}\nanchor "relayd') + 1)]);
    assert.deepEqual(r.anchors.map((x) => x.name?.text), ['bar', 'foo', 'relayd/*']);
    assert.deepEqual(r.loadAnchors.map((l) => [l.name?.text, l.path?.text]), [['spam', '/etc/pf-spam.conf']]);
  });

  test('an anchor body accepts only tables, rules, anchors and includes', () => {
    const r = parsePfConf('anchor x {\n  set skip on lo0\n  pass\n}\npass\n');
    assert.deepEqual(r.errors.map((e) => e.message), ["syntax error: 'set' is not allowed inside an inline anchor"]);
    assert.deepEqual(r.statements.map((s) => s.type), ['anchor', 'filter']);
  });

  test('tables: flags, lists, files; errors for forbidden entries', () => {
    const t = one<PfTableDef>('table <regress.a> const { 1.2.3.4 !5.6.7.8 } { ::1 } file "/dev/null" persist\n');
    assert.deepEqual([t.name.text, t.flags.map((f) => f.text), t.addresses.map((h) => h.text), t.files.map((f) => f.text)], ['regress.a', ['const', 'persist'], ['1.2.3.4', '5.6.7.8', '::1'], ['/dev/null']]);
    assert.deepEqual(parsePfConf('table <t> { 10.0.0.1 - 10.0.0.9 }\n').errors.map((e) => e.message), ['address ranges are not permitted inside tables']);
    assert.deepEqual(parsePfConf('table <t> persistent\n').errors.map((e) => e.message), ["invalid table option 'persistent'"]);
  });

  test('set options: values, timeouts, skip interfaces, order class', () => {
    const r = parsePfConf('set timeout { tcp.first 30, interval 10 }\nset skip on { lo0 pfsync0 }\nset state-defaults pflow, no-sync\nset require-order no\nset syncookies adaptive (start 25%, end 12%)\n');
    assert.deepEqual(r.errors, []);
    const [timeout, skip, defaults, order, cookies] = r.statements as PfSetOption[];
    assert.deepEqual([timeout.order, timeout.pairs?.map((p) => [p.name.text, p.value.text])], ['option', [['tcp.first', '30'], ['interval', '10']]]);
    assert.deepEqual([skip.order, skip.interfaces?.items.map((i) => i.name.text)], ['none', ['lo0', 'pfsync0']]);
    assert.deepEqual(defaults.stateOptions?.map((s) => s.name), ['pflow', 'no-sync']);
    assert.deepEqual([order.name.text, order.values[0].text], ['require-order', 'no']);
    assert.deepEqual(cookies.pairs?.map((p) => p.value.text), ['25%', '12%']);
  });

  test('scrub, altq/queue, antispoof, limiters, ether', () => {
    const text = [
      'scrub in on em0 all fragment reassemble min-ttl 15 max-mss 1400',
      'altq on em0 cbq bandwidth 10Mb queue { std, ssh }',
      'queue std bandwidth 50% cbq(default borrow)',
      'queue ssh bandwidth 1.5Mb priority 3 { ssh_a ssh_b }',
      'antispoof log quick for { em0 (em1) } inet label "spoof"',
      'state limiter "dns" id 1 limit 1000 rate 1/10',
      'source limiter "src" id 2 entries 2 limit 3 rate 4/5 table <over> above 10 below 5 inet mask 16',
      'ether block out on igb0 to ! 00:01:02:03:04:05/24 l3 from 10.0.0.0/8 label "l2"',
      'pass in proto tcp to port domain state limiter "dns" (no-match)',
    ].join('\n');
    const r = parsePfConf(text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.statements.map((s) => `${s.type}/${s.order}`), [
      'scrub/normalization', 'altq/queueing', 'queue/queueing', 'queue/queueing', 'antispoof/filter', 'limiter/none', 'limiter/none', 'ether/ether', 'filter/filter',
    ]);
    const altq = r.statements[1] as PfQueueDef;
    assert.deepEqual([altq.options.map((o) => o.name), altq.children?.items.map((c) => c.text)], [['cbq', 'bandwidth'], ['std', 'ssh']]);
    assert.deepEqual((r.statements[2] as PfQueueDef).options[1].sub?.map((s) => s.name), ['default', 'borrow']);
    const ether = r.statements[7] as PfEtherRule;
    assert.deepEqual([ether.to?.hosts?.items[0].negated, ether.to?.hosts?.items[0].text, ether.l3?.from?.hosts?.items[0].text], [true, '00:01:02:03:04:05/24', '10.0.0.0/8']);
    assert.deepEqual(r.tableRefs.map((t) => t.name), ['over']);
  });

  test('every interface name is indexed (on, set skip, antispoof, route-to, received-on)', () => {
    const r = parsePfConf('set skip on lo0\nantispoof for em0\npass out on carp0 route-to (em2 10.0.0.1) received-on em3\n');
    assert.deepEqual(r.interfaces.map((w) => w.text), ['lo0', 'em0', 'carp0', 'em2', 'em3']);
  });

  test('include: recorded, and with a resolver parsed with the includer\'s macros', () => {
    const r = parsePfConf('ext_if = "em0"\ninclude "/etc/pf.inc"\npass on $lan_if\n', {
      resolveInclude: (p) => (p === '/etc/pf.inc' ? 'lan_if = "em1"\nblock on $ext_if\n' : undefined),
    });
    assert.deepEqual(r.errors, []);
    const inc = r.includes[0];
    assert.deepEqual([inc.path.text, inc.included?.statements.map((s) => s.type)], ['/etc/pf.inc', ['macro', 'filter']]);
    assert.equal(r.macroUses[0].definition?.source, '/etc/pf.inc');
    assert.equal(parsePfConf('include "x"\n').includes[0].included, undefined);
  });
});

describe('pf parser: errors and recovery', () => {
  test('a misspelt keyword: syntax error at the word with the keywords valid there', () => {
    const text = 'pass in qiuck on em0\npass out\n';
    const r = parsePfConf(text);
    assert.equal(r.errors.length, 1);
    assert.deepEqual([r.errors[0].message, slice(text, r.errors[0])], ["syntax error: unexpected 'qiuck'", 'qiuck']);
    assert.ok(r.errors[0].expected?.includes('quick'));
    assert.ok(!r.errors[0].expected?.includes('in'));
    assert.deepEqual(r.unexpected.map((u) => u.text), ['qiuck']);
    assert.deepEqual(r.statements.map((s) => s.type), ['invalid', 'filter']);
  });

  test('end of line too early: the error sits on the last word', () => {
    const text = 'pass in on\n';
    const e = parsePfConf(text).errors[0];
    assert.deepEqual([e.message, slice(text, e)], ["syntax error: unexpected end of line after 'on'", 'on']);
  });

  test('a missing "}" does not swallow the following statements', () => {
    const r = parsePfConf('pass in on { em0 em1\npass out\nblock all\n');
    assert.equal(r.errors.length, 1);
    assert.deepEqual(r.statements.map((s) => s.type), ['invalid', 'filter', 'filter']);
  });

  test('semantic errors keep pfctl\'s texts (pfctl regression tests 1033-1074)', () => {
    const msgs = (t: string): string[] => parsePfConf(t).errors.map((e) => e.message);
    assert.deepEqual(msgs('block in route-to (if0 127.0.0.1/8)\n'), ['route-to, reply-to and dup-to are not supported on block rules']);
    assert.deepEqual(msgs('pass in proto tcp from any port 500:100 to any\n'), ['invalid port range']);
    assert.deepEqual(msgs('pass in on vtnet0 route-to ( vtnet1 2001:db8::1 ) inet\n'), ['no routing address with matching address family found.']);
    assert.deepEqual(msgs('pass in on vtnet0 route-to ( vtnet1 2001:db8::1 ) prefer-ipv6-nexthop inet\n'), []);
    assert.deepEqual(msgs('nat on em0 from any to any -> <pool> bitmask\n'), ['tables are not supported by pool type']);
    assert.deepEqual(msgs('pass to port 70000\n'), ['illegal port value 70000']);
    assert.equal(parsePfConf('pass to port 500:100\n').errors[0].topic, 'port');
  });

  test('keywords valid at a cursor, for completion', () => {
    assert.ok(pfKeywordsAt('', 0).includes('pass'));
    const afterIn = pfKeywordsAt('pass in \n', 8);
    assert.ok(afterIn.includes('quick') && afterIn.includes('on') && !afterIn.includes('in'));
    assert.ok(pfKeywordsAt('pass in qu\n', 10).includes('quick'));
    assert.ok(pfKeywordsAt('set \n', 4).includes('skip'));
    assert.ok(pfKeywordsAt('pass keep state (\n', 17).includes('no-sync'));
  });
});

describe('pfKeywordsAt at the start of a line', () => {
  test('offers statement keywords, not the previous statement continuation', async () => {
    const { pfKeywordsAt } = await import('../../../../server/src/parsers/pf');
    for (const text of ['set skip on lo0\nblock all\n', 'pass in on em0\n\n']) {
      const kws = pfKeywordsAt(text, text.indexOf('\n') + 1);
      assert.ok(kws.includes('pass') && kws.includes('block'), `${JSON.stringify(text)}: ${kws.join()}`);
      assert.ok(!kws.includes('proto'), 'not a continuation of the previous rule');
    }
  });
});

describe('optional keywords count as expected where they were tried', () => {
  test('after `to <host>` and `from any`, port (and to/os) are offered', async () => {
    const { pfKeywordsAt } = await import('../../../../server/src/parsers/pf');
    const afterTo = 'pass in on em0 proto tcp to 10.0.0.1 ';
    assert.ok(pfKeywordsAt(afterTo, afterTo.length).includes('port'));
    const afterFrom = 'pass in on em0 proto tcp from any ';
    const kws = pfKeywordsAt(afterFrom, afterFrom.length);
    for (const k of ['port', 'os', 'to']) assert.ok(kws.includes(k), k);
  });
});
