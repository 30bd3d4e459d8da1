/**
 * The HTML page of the "Cluster Topology" webview: a toolbar, the diagram's
 * place, a text summary for screen readers and a live region. It holds no
 * config text (the diagram arrives as a message and is drawn by the script)
 * and loads nothing but the extension's own script and stylesheet, under a
 * CSP that allows only those, inline code carrying the nonce, and data:
 * images (the PNG export draws the SVG through one). Pure, for the unit test.
 */

export interface TopologyHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  /** A fresh random value per page load. */
  nonce: string;
  /** `webview.asWebviewUri` of media/dist/topology.js and .css. */
  scriptUri: string;
  styleUri: string;
}

/** The Content-Security-Policy of the page. */
export function topologyCsp(o: Pick<TopologyHtmlOptions, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `style-src ${o.cspSource} 'nonce-${o.nonce}'`,
    `script-src 'nonce-${o.nonce}'`,
  ].join('; ');
}

export function topologyHtml(o: TopologyHtmlOptions): string {
  const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(topologyCsp(o))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${attr(o.nonce)}" href="${attr(o.styleUri)}">
<title>Cluster Topology</title>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Cluster topology actions">
  <button type="button" id="restore-all" disabled>Restore all</button>
  <button type="button" id="expand-all">Expand all</button>
  <button type="button" id="collapse-all">Collapse all</button>
  <button type="button" id="export-svg">Export SVG</button>
  <button type="button" id="export-png">Export PNG</button>
  <button type="button" id="export-mermaid">Export Mermaid</button>
  <button type="button" id="export-dot">Export DOT</button>
  <span class="status" id="status" role="status">Waiting for the language server…</span>
</div>
<p class="hint">Click a node, or focus it with Tab and press Enter or Space, to simulate its failure; the diagram shows which node takes over each VIP.</p>
<div class="diagram" id="diagram"></div>
<details class="summary" id="summary">
  <summary>Text summary of the topology</summary>
  <div id="summary-body"></div>
</details>
<div class="visually-hidden" id="announce" aria-live="polite" aria-atomic="true"></div>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
