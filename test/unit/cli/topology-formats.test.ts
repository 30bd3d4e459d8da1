import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, workspaceFromFiles } from '../../helpers/workspace';
import { parseMermaid, renderDot } from '../../helpers/diagrams';
import { topology } from '../../../server/src/features/topology';
import type { TopologyMember } from '../../../server/src/protocol';
import { formatMermaid, mermaidText } from '../../../server/src/features/topology-mermaid';
import { dotText, formatDot } from '../../../server/src/features/topology-dot';
import { formatTopologyText, printable } from '../../../server/src/cli/topology-text';
import { MASKED_PASSWORD } from '../../../server/src/model/mask';

/** A folder name as hostile as a file system allows (no `/`): quotes, brackets, markup, entities, escapes, a newline. */
const HOSTILE = 'fw"1 [a] {b} <script>alert(1)<\\script> &lt; #35; \\N |x| `y`;end\nz';
const pairText = (host: string, skew: number): string =>
  `hostname="${host}"\nifconfig_em0="inet 192.0.2.${skew + 2}/24"\nifconfig_em0_alias0="inet vhid 1 advskew ${skew} pass hostilekey alias 192.0.2.1/32"\n`;
/** A pair whose node names come from the folders (a hostname with a quote is no hostname, so the folder's name is used). */
const hostile = workspaceFromFiles({
  [`${encodeURIComponent(HOSTILE)}/etc/rc.conf`]: pairText('bad"name', 0),
  'fw2/etc/rc.conf': pairText('fw2', 100),
});

describe('escaping config-derived text', () => {
  test('mermaid: only letters, digits and harmless punctuation stay; the rest are entity codes that decode back', () => {
    const out = mermaidText(HOSTILE);
    assert.match(out, /^[A-Za-z0-9 .,:/()_#;-]*$/);
    assert.equal(out.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))), HOSTILE);
    assert.equal(mermaidText('vhid 1, em0.100: 192.0.2.0/24 (tie)'), 'vhid 1, em0.100: 192.0.2.0/24 (tie)');
  });

  test('dot: backslashes doubled, quotes escaped, & and control characters as entities', () => {
    assert.equal(dotText('a\\N "b" &lt; c\nd'), 'a\\\\N \\"b\\" &amp;lt; c&#10;d');
  });

  test('the node name really is the hostile folder name', () => {
    assert.deepEqual(topology(hostile.ws).clusters[0].nodes.map((n) => n.name).sort(), [HOSTILE, 'fw2'].sort());
  });
});

describe('diagrams', () => {
  test('mermaid: a valid flowchart, also with hostile names; no config text outside a label', async () => {
    const four = formatMermaid(topology(loadFixture('topology-four').ws, ['fw1']));
    assert.equal(await parseMermaid(four), 'flowchart-v2');
    assert.match(four, /c0g0 -\.-x\|"FAILED<br>igb0, advbase 1, advskew 0"\| c0n0/);
    assert.match(four, /class c0n0 failed/);
    const text = formatMermaid(topology(hostile.ws));
    assert.equal(await parseMermaid(text), 'flowchart-v2');
    assert.ok(text.includes(`["${mermaidText(HOSTILE)}"]`), text);
    assert.ok(!text.includes('<script>') && !text.includes('\nz'), text);
    assert.equal(await parseMermaid(formatMermaid({ clusters: [], failed: [], unknown: [] })), 'flowchart-v2');
  });

  test('dot: Graphviz lays it out, and the hostile name is text in the SVG, not markup', async () => {
    const four = formatDot(topology(loadFixture('topology-four').ws, ['fw1']));
    assert.match(await renderDot(four), /<svg/);
    const svg = await renderDot(formatDot(topology(hostile.ws)));
    assert.ok(!svg.includes('<script'), svg);
    assert.match(svg, /fw&quot;1 \[a\] \{b\} &lt;script&gt;alert\(1\)&lt;\\script&gt; &amp;lt; #35; \\N \|x\| `y`;end/);
    assert.match(await renderDot(formatDot({ clusters: [], failed: [], unknown: [] })), /no CARP vhid found/);
  });
});

describe('text', () => {
  const t = loadFixture('topology-pair');
  const passes = new Map<TopologyMember, string | undefined>();
  const result = topology(t.ws, ['fw1'], (out, m) => passes.set(out, m.vhid.pass?.param.value?.text));
  const show = (showPasswords: boolean) => ({ cwd: t.dir, showPasswords, passOf: (m: TopologyMember) => passes.get(m) });

  test('clusters, groups and members, with the failed node marked and the pass masked', () => {
    const text = formatTopologyText(result, show(false));
    assert.equal(
      text.split('\n').slice(0, 5).join('\n'),
      [
        'failed: fw1',
        'cluster fw1 (failed), fw2',
        '  vhid 1 on 192.0.2.0/24: 192.0.2.1 2001:db8:1::1',
        `    MASTER  fw2  em0  advbase 1  advskew 100  pass ${MASKED_PASSWORD}  fw2/etc/rc.conf:6`,
        `    FAILED  fw1  em0  advbase 1  advskew 0    pass ${MASKED_PASSWORD}  fw1/etc/rc.conf:7`,
      ].join('\n'),
    );
    assert.ok(!text.includes('outsidekey1') && !text.includes('insidekey2'));
  });

  test('--show-passwords shows each pass as written', () => {
    assert.match(formatTopologyText(result, show(true)), /MASTER {2}fw2 {2}em0 {2}advbase 1 {2}advskew 100 {2}pass outsidekey1 {2}fw2\/etc\/rc\.conf:6/);
  });

  test('control characters in a name cannot reach the terminal', () => {
    assert.equal(printable('a\x1b[31mb\nc'), 'a\\x1b[31mb\\x0ac');
  });
});
