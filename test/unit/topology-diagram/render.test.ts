import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, workspaceFromFiles } from '../../helpers/workspace';
import { draw, modelOf } from '../../helpers/topology-draw';
import { escapeXml } from '../../../client/webview/render';
import type { DiagramModel } from '../../../client/src/diagram-model';

/** The only elements and attributes the renderer writes: anything else in its output came from config text. */
const TAGS = new Set(['svg', 'defs', 'marker', 'path', 'g', 'title', 'rect', 'text']);
const ATTRIBUTES = new Set([
  'xmlns', 'class', 'width', 'height', 'viewBox', 'font-size', 'role', 'aria-label', 'aria-expanded', 'aria-pressed', 'tabindex',
  'id', 'refX', 'refY', 'markerWidth', 'markerHeight', 'orient', 'd', 'x', 'y', 'rx', 'marker-end', 'data-cluster', 'data-node', 'data-group',
]);

/**
 * Checks markup the way an XML parser would meet it: every tag and
 * attribute is one the renderer writes, every attribute value is quoted
 * with no quote or `<` inside, and every `&` starts an entity.
 */
function assertOnlyRendererMarkup(svg: string): void {
  const withoutText = svg.replace(/>[^<]*</g, (between) => {
    assert.doesNotMatch(between.slice(1, -1), /[<>]|&(?!(amp|lt|gt|quot|#39);)/, `raw markup in text: ${between}`);
    return '><';
  });
  for (const tag of withoutText.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
    assert.ok(TAGS.has(tag[1]), `unexpected element <${tag[1]}>`);
    const attributes = tag[2].replace(/\/$/, '');
    const rest = attributes.replace(/\s([A-Za-z-]+)="([^"<]*)"/g, (_, name: string, value: string) => {
      assert.ok(ATTRIBUTES.has(name), `unexpected attribute ${name}="${value}" on <${tag[1]}>`);
      assert.doesNotMatch(value, /&(?!(amp|lt|gt|quot|#39);)/, `bare & in ${name}`);
      return '';
    });
    assert.equal(rest.trim(), '', `unparsed attribute text on <${tag[1]}>: ${rest}`);
  }
}

describe('escapeXml', () => {
  test('the five markup characters become entities', () => {
    assert.equal(escapeXml(`<script>alert("1")</script> & 'x'`), '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;');
  });

  test('characters XML cannot hold become U+FFFD; pairs, tabs and newlines stay', () => {
    assert.equal(escapeXml('a\u0000b\u001bc\ud800d\udc00e\uffff'), 'a\ufffdb\ufffdc\ufffdd\ufffde\ufffd');
    assert.equal(escapeXml('fw\u{1F525}1\tx\ny'), 'fw\u{1F525}1\tx\ny');
  });
});

describe('the diagram markup with hostile names, descriptions and messages', () => {
  const SCRIPT = '<script>alert(1)<\\script>';
  const IMG = '"><img src=x onerror=alert(1)>';
  const pair = (host: string, skew: number): string =>
    `hostname="${host}"\nifconfig_em0="inet 192.0.2.${skew + 2}/24"\nifconfig_em0_descr="${IMG.replace(/"/g, '\\"')}"\nifconfig_em0_alias0="inet vhid 1 advskew ${skew} pass hostilekey alias 192.0.2.1/32"\n`;
  // Folder names as hostile as a file system allows: the server names a node by its folder when its hostname is no hostname.
  const t = workspaceFromFiles({
    [`${encodeURIComponent(SCRIPT)}/etc/rc.conf`]: pair('<script>alert(1)</script>', 0),
    [`${encodeURIComponent(IMG)}/etc/rc.conf`]: pair(IMG, 100),
  });

  test('the server takes the hostile folder names as node names', () => {
    const model = modelOf(t.ws);
    assert.deepEqual(model.clusters[0].nodes.map((n) => n.name).sort(), [IMG, SCRIPT].sort());
  });

  test('they come out escaped, with failed nodes, takeovers and problems drawn, and no markup of their own', async () => {
    const fw1 = t.uri(`${encodeURIComponent(SCRIPT)}/etc/rc.conf`);
    const model = modelOf(t.ws, [t.uri(encodeURIComponent(SCRIPT))], {
      [fw1]: [{ startLine: 3, endLine: 3, severity: 'error', code: 'carp/<b>x</b>', message: `${IMG} and ${SCRIPT} & more` }],
    });
    assert.equal(model.clusters[0].groups[0].takeover?.from, SCRIPT);
    const svg = await draw(model);
    assertOnlyRendererMarkup(svg);
    assert.ok(svg.includes(escapeXml(SCRIPT)), 'the script name is shown, escaped');
    assert.ok(svg.includes(`${escapeXml(IMG)} takes over 192.0.2.1`), 'the takeover names the other node, escaped');
    assert.ok(svg.includes('carp/&lt;b&gt;x&lt;/b&gt;'), 'the problem code is escaped');
    assert.ok(svg.includes(`${escapeXml(IMG)} and ${escapeXml(SCRIPT)} &amp; more`), 'the message is in the tooltip, escaped');
    assert.doesNotMatch(svg, /<script|<img/i, 'only the escaped text of the tags is there');
  });

  test('the hostile fixture folder: quotes and entity text are escaped once more, not decoded', async () => {
    const f = loadFixture('topology-hostile');
    const model = modelOf(f.ws, ["fw1' onfocus='alert(1)"]);
    const names = model.clusters[0].nodes.map((n) => n.name);
    assert.deepEqual(names, ["fw1' onfocus='alert(1)", 'fw2 &lt;img src=x onerror=alert(2)&gt;']);
    const svg = await draw(model);
    assertOnlyRendererMarkup(svg);
    assert.ok(svg.includes('fw1&#39; onfocus=&#39;alert(1)'));
    assert.ok(svg.includes('fw2 &amp;lt;img src=x onerror=alert(2)&amp;gt;'));
    assert.doesNotMatch(svg, /onfocus='|&lt;img/);
  });

  test('no server or no cluster: a message, not an empty drawing', async () => {
    const none: DiagramModel = { version: 1, serverRunning: false, clusters: [], failed: [] };
    assert.match(await draw(none), /language server is not running/);
    assert.match(await draw({ ...none, serverRunning: true }), /No CARP vhid in the workspace/);
  });
});
