import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-types';
import { loadFixture, workspaceFromFiles } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfHover } from '../../../../server/src/features/pf';
import { hover } from '../../../../server/src/features/hover';

function fixture() {
  const t = loadFixture('pf-nav-include');
  const rel = 'fw1/etc/pf.macros.conf';
  t.ws.set(t.uri(rel), 'pf', fs.readFileSync(path.join(t.dir, rel), 'utf8'));
  const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
  return { t, doc };
}

function at(doc: PfDocument, needle: string, k = 0) {
  const i = doc.text.indexOf(needle);
  assert.ok(i >= 0, `fixture lacks ${needle}`);
  return doc.lines.positionAt(i + k);
}

function text(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as { value: string }).value;
}

function span(h: Hover | null): [number, number, number, number] {
  assert.ok(h?.range, 'expected a hover with a range');
  return [h.range.start.line, h.range.start.character, h.range.end.line, h.range.end.character];
}

const MAN = 'https://man.freebsd.org/cgi/man.cgi?query=pf.conf&sektion=5';

describe('pfHover on macros and tables', () => {
  test('$ext_if: its value as written and its expansion', () => {
    const { t, doc } = fixture();
    const h = pfHover(doc, at(doc, 'scrub in on $ext_if', 14), t.ws);
    assert.equal(text(h), '**$ext_if** — macro, defined at line 3\n\nValue as written:\n```pf\n"em0"\n```\n\nExpands to:\n```pf\nem0\n```');
    assert.deepEqual(span(h), [18, 12, 18, 19]);
  });

  test('a macro built from other macros shows the fully expanded text', () => {
    const { t, doc } = fixture();
    assert.equal(
      text(pfHover(doc, at(doc, 'pass out on $all_ifs', 14), t.ws)),
      '**$all_ifs** — macro, defined at line 6\n\nValue as written:\n```pf\n"{" $ext_if $int_if "}"\n```\n\nExpands to:\n```pf\n{ em0 em1 }\n```',
    );
  });

  test('a macro of the included file names that file', () => {
    const { t, doc } = fixture();
    assert.equal(
      text(pfHover(doc, at(doc, 'from $lan_net to any', 7), t.ws)),
      '**$lan_net** — macro, defined at `pf.macros.conf` line 2\n\nValue as written:\n```pf\n$int_if:network\n```\n\nExpands to:\n```pf\nem1:network\n```',
    );
  });

  test('a macro used before its definition says why pfctl rejects it', () => {
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': 'pass in on $ext_if\next_if = "em0"\n' });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    assert.equal(
      text(pfHover(doc, { line: 0, character: 13 }, t.ws)),
      "**$ext_if** — macro\n\nNot defined yet at this point: it is defined at line 2, and pfctl expands a macro only after its definition (`macro 'ext_if' not defined`).",
    );
  });

  test('a table reference shows its definition', () => {
    const { t, doc } = fixture();
    const h = pfHover(doc, at(doc, 'from <rfc1918>', 8), t.ws);
    assert.equal(text(h), '**<rfc1918>** — table, defined at line 13\n\n```pf\ntable <rfc1918> const { 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 }\n```');
    assert.deepEqual(span(h), [25, 31, 25, 40]);
  });
});

describe('pfHover on keywords', () => {
  test('keep state: our explanation and the pf.conf(5) section', () => {
    const { t, doc } = fixture();
    const h = pfHover(doc, at(doc, 'keep state (no-sync)', 2), t.ws);
    assert.equal(
      text(h),
      `**keep state** — Create a state entry so the rest of the connection, replies included, passes without rule evaluation (the default for pass rules).\n\npf.conf(5), section PACKET FILTERING: [man page](${MAN})`,
    );
    assert.deepEqual(span(h), [29, 28, 29, 32]);
    // On the second word of the pair too.
    assert.match(text(pfHover(doc, at(doc, 'keep state (no-sync)', 7), t.ws)), /^\*\*keep state\*\*/);
  });

  test('set skip, quick, no-sync and overload name their sections', () => {
    const { t, doc } = fixture();
    assert.match(text(pfHover(doc, at(doc, 'set skip', 5), t.ws)), /^\*\*set skip\*\* — Do not filter at all on these interfaces.*section OPTIONS/s);
    assert.match(text(pfHover(doc, at(doc, 'quick', 1), t.ws)), /^\*\*quick\*\* — .*section PARAMETERS/s);
    assert.match(text(pfHover(doc, at(doc, 'no-sync', 3), t.ws)), /^\*\*no-sync\*\* — .*section STATEFUL TRACKING OPTIONS/s);
    assert.match(text(pfHover(doc, at(doc, 'overload', 3), t.ws)), /^\*\*overload\*\* — .*section STATEFUL TRACKING OPTIONS/s);
    assert.match(text(pfHover(doc, at(doc, 'antispoof', 3), t.ws)), /section BLOCKING SPOOFED TRAFFIC/);
  });

  test('no hover in comments, in quoted strings or on an option value', () => {
    const { t, doc } = fixture();
    assert.equal(pfHover(doc, at(doc, '# Interfaces', 4), t.ws), null);
    assert.equal(pfHover(doc, at(doc, '"/etc/pf.anchors/spamd"', 5), t.ws), null);
    assert.equal(pfHover(doc, at(doc, 'lo0', 1), t.ws), null);
  });
});

describe('pfHover on rules', () => {
  test('{ em0 em1 } proto { tcp udp } lists the 4 rules pfctl makes, interface outermost', () => {
    const { t, doc } = fixture();
    const h = pfHover(doc, at(doc, 'pass on { em0 em1 }', 10), t.ws);
    assert.equal(
      text(h),
      [
        "**Expands to 4 rules** (lists and macros unrolled, in pfctl's order)",
        '',
        '```pf',
        'pass on em0 proto tcp from any to any port domain',
        'pass on em0 proto udp from any to any port domain',
        'pass on em1 proto tcp from any to any port domain',
        'pass on em1 proto udp from any to any port domain',
        '```',
      ].join('\n'),
    );
    assert.deepEqual(span(h), [32, 0, 32, 65]);
  });

  test('a list held in a macro is unrolled inside the macro value', () => {
    const { t, doc } = fixture();
    assert.match(text(pfHover(doc, at(doc, 'pass out on $all_ifs', 2), t.ws)), /```pf\npass out on em0 keep state\npass out on em1 keep state\n```/);
    assert.match(text(pfHover(doc, at(doc, 'pass inet proto icmp', 20), t.ws)), /```pf\npass inet proto icmp icmp-type echoreq\npass inet proto icmp icmp-type unreach\n```/);
  });

  test('a continued rule is shown on one line, macros of the included file expanded', () => {
    const { t, doc } = fixture();
    const h = pfHover(doc, at(doc, 'tcp to $web_srv', 1), t.ws);
    assert.match(text(h), /```pf\npass in on em0 proto tcp to 192\.168\.10\.20 port http keep state \(max-src-conn 100, max-src-conn-rate 15\/5, overload <bruteforce> flush global\)\npass in on em0 .* port https keep state/);
    assert.deepEqual(span(h), [27, 0, 28, 79]);
  });

  test('an inline anchor shows its header with macros expanded and the body elided', () => {
    const { t, doc } = fixture();
    assert.equal(text(pfHover(doc, at(doc, 'anchor "admin" in on', 10), t.ws)), '**With its macros expanded**\n\n```pf\nanchor "admin" in on em1 { … }\n```');
  });

  test('on the rule\'s first keyword: the expansion, then the keyword', () => {
    const { t, doc } = fixture();
    const h = pfHover(doc, at(doc, 'pass on { em0 em1 }', 2), t.ws);
    assert.match(text(h), /^\*\*Expands to 4 rules\*\*[\s\S]*pass on em1 proto udp from any to any port domain\n```\n\n---\n\n\*\*pass\*\* — Let matching packets through/);
    assert.deepEqual(span(h), [32, 0, 32, 65]);
  });

  test('a rule without macros or lists has nothing to expand', () => {
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': 'pass in on em0 proto tcp to 192.0.2.1 port ssh\n' });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    assert.equal(pfHover(doc, at(doc, '192.0.2.1', 3), t.ws), null);
  });

  test('a huge product lists the first rules and counts the rest, without building them', () => {
    const ports = Array.from({ length: 100 }, (_, i) => String(8000 + i)).join(' ');
    const hosts = Array.from({ length: 100 }, (_, i) => `10.0.${i}.1`).join(' ');
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': `pass in proto tcp from { ${hosts} } to any port { ${ports} }\n` });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    const value = text(pfHover(doc, { line: 0, character: 14 }, t.ws, { maxExpandedRules: 3 }));
    assert.equal(
      value,
      [
        "**Expands to 10000 rules** (lists and macros unrolled, in pfctl's order)",
        '',
        '```pf',
        'pass in proto tcp from 10.0.0.1 to any port 8000',
        'pass in proto tcp from 10.0.0.1 to any port 8001',
        'pass in proto tcp from 10.0.0.1 to any port 8002',
        '… and 9997 more',
        '```',
      ].join('\n'),
    );
  });

  test('mixed IPv4 and IPv6 lists warn that pfctl loads fewer', () => {
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': 'pass in from { 192.0.2.1 2001:db8::1 } to { 198.51.100.1 2001:db8::2 }\n' });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    assert.match(text(pfHover(doc, { line: 0, character: 16 }, t.ws)), /Expands to 4 rules[\s\S]*pfctl skips the combinations that mix IPv4 and IPv6 addresses/);
  });

  test('the shared hover entry point delegates pf documents', () => {
    const { t, doc } = fixture();
    const position = at(doc, 'pass on { em0 em1 }', 2);
    assert.deepEqual(hover(doc, position, t.ws, { showPasswords: false }), pfHover(doc, position, t.ws));
  });
});
