import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { topologyCsp, topologyHtml } from '../../../client/src/topology-html';
import { imageBytes } from '../../../client/src/topology-export';

const OPTIONS = {
  cspSource: 'vscode-webview-resource://abc',
  nonce: 'bm9uY2Utb2YtdGhpcy1wYWdl+/=',
  scriptUri: 'vscode-webview-resource://abc/media/dist/topology.js',
  styleUri: 'vscode-webview-resource://abc/media/dist/topology.css',
};

describe('the webview page', () => {
  const html = topologyHtml(OPTIONS);

  test('its CSP allows only the extension origin, the nonce and data: images', () => {
    assert.equal(
      topologyCsp(OPTIONS),
      `default-src 'none'; img-src ${OPTIONS.cspSource} data:; style-src ${OPTIONS.cspSource} 'nonce-${OPTIONS.nonce}'; script-src 'nonce-${OPTIONS.nonce}'`,
    );
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.equal(meta?.[1], topologyCsp(OPTIONS));
    assert.doesNotMatch(topologyCsp(OPTIONS), /unsafe-inline|unsafe-eval|\*/);
  });

  test('every script and stylesheet carries the nonce and comes from the extension; no inline code', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][0], new RegExp(`^<script nonce="${OPTIONS.nonce.replace(/[+/]/g, '\\$&')}" src="${OPTIONS.scriptUri}">`));
    assert.equal(scripts[0][1], '', 'no inline script');
    assert.match(html, new RegExp(`<link rel="stylesheet" nonce="[^"]+" href="${OPTIONS.styleUri}">`));
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'no inline style, no event handler attribute');
  });

  test('no remote resource: no http(s) URL at all', () => {
    assert.doesNotMatch(html, /https?:/i);
  });

  test('a value that would end its attribute is escaped', () => {
    const hostile = topologyHtml({ ...OPTIONS, scriptUri: 'x"><script>alert(1)</script>' });
    assert.doesNotMatch(hostile, /<script>alert/);
    assert.match(hostile, /src="x&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  });

  test('it has the toolbar, the diagram, the summary and a polite live region', () => {
    for (const id of ['restore-all', 'export-svg', 'export-png', 'export-mermaid', 'diagram', 'summary-body']) assert.match(html, new RegExp(`id="${id}"`));
    assert.match(html, /id="announce" aria-live="polite"/);
  });
});

describe('export payloads from the webview', () => {
  test('an SVG document is written as sent; anything else is refused', () => {
    const svg = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n';
    assert.deepEqual(imageBytes('svg', svg), new TextEncoder().encode(svg));
    assert.deepEqual(imageBytes('svg', '<html><svg></svg></html>'), { refused: 'not an SVG document' });
    assert.deepEqual(imageBytes('svg', 42), { refused: 'no data' });
  });

  test('a PNG must be base64 of a PNG image', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    assert.deepEqual(imageBytes('png', png.toString('base64')), Uint8Array.from(png));
    assert.deepEqual(imageBytes('png', Buffer.from('GIF89a').toString('base64')), { refused: 'not a PNG image' });
    assert.deepEqual(imageBytes('png', 'data:image/png;base64,AAAA'), { refused: 'not base64' });
  });
});
