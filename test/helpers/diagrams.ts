/**
 * Real parsers for the CLI's diagram outputs, so "valid syntax" is checked
 * by the tools that will read them, not by a pattern: Mermaid's own parser,
 * and Graphviz itself (compiled to WebAssembly by @viz-js/viz).
 */

// Mermaid ships ES modules only; tsc (module commonjs) would turn import() into require().
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

interface Mermaid {
  parse(text: string): Promise<{ diagramType: string } | false>;
}

let mermaid: Promise<Mermaid> | undefined;

/**
 * Parses a Mermaid diagram with mermaid.parse(), which throws on a syntax
 * error. Mermaid sanitises labels with DOMPurify, which needs a browser's
 * DOM; outside one it has no hooks, so they are stubbed (parsing is what is
 * tested here, not rendering).
 */
export async function parseMermaid(text: string): Promise<string> {
  mermaid ??= (async () => {
    const purify = ((await importModule('dompurify')) as { default: Record<string, unknown> }).default;
    purify.addHook ??= () => undefined;
    purify.removeHook ??= () => undefined;
    purify.removeHooks ??= () => undefined;
    if (typeof purify.sanitize !== 'function') purify.sanitize = (s: string) => s;
    return ((await importModule('mermaid')) as { default: Mermaid }).default;
  })();
  const result = await (await mermaid).parse(text);
  if (!result) throw new Error('mermaid.parse rejected the diagram');
  return result.diagramType;
}

interface Viz {
  renderString(src: string, options: { format: string }): string;
}

let viz: Promise<Viz> | undefined;

/** Lays out a DOT graph with Graphviz and returns the SVG; throws with Graphviz's message on a syntax error. */
export async function renderDot(text: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  viz ??= (require('@viz-js/viz') as { instance(): Promise<Viz> }).instance();
  return (await viz).renderString(text, { format: 'svg' });
}
