/**
 * Exports of the drawn diagram, made in the webview because only it knows
 * the theme's colours: an SVG that stands alone (every style the page's
 * stylesheet gave an element copied onto it as presentation attributes, the
 * theme's background behind it) and a PNG drawn from that SVG on a canvas.
 * The host asks where to save them.
 */

/** What a diagram element can get from topology.css; copied as SVG presentation attributes (not `style`, which the CSP refuses). */
const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight', 'white-space'] as const;

/** Attributes that make sense only in the live page. */
const LIVE_ONLY = /^(tabindex|data-.*|class|aria-pressed|aria-expanded)$/;

/** The live diagram as a standalone SVG document. */
export function standaloneSvg(live: SVGSVGElement, background: string): string {
  const copy = live.cloneNode(true) as SVGSVGElement;
  const from = [live, ...live.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  const styles = new Map(from.map((element) => [element, getComputedStyle(element)]));
  from.forEach((element, i) => {
    const style = styles.get(element) as CSSStyleDeclaration;
    const parent = element === live ? undefined : styles.get(element.parentElement as Element);
    const target = to[i];
    for (const name of STYLED) {
      const value = style.getPropertyValue(name).trim();
      // Inherited values are written once, on the outermost element that has them (opacity is not inherited: only non-1 is written).
      const redundant = name === 'opacity' ? value === '1' : parent?.getPropertyValue(name).trim() === value;
      if (value && !redundant) target.setAttribute(name, name === 'stroke-dasharray' ? value.replace(/px/g, '') : value);
    }
    for (const attribute of [...target.attributes]) if (LIVE_ONLY.test(attribute.name)) target.removeAttribute(attribute.name);
  });
  const back = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  back.setAttribute('width', '100%');
  back.setAttribute('height', '100%');
  back.setAttribute('fill', background);
  copy.insertBefore(back, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** Canvas limits Chromium keeps to; a larger diagram is scaled down to fit. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 100_000_000;

/** The SVG drawn on a canvas at twice its size (sharp on high-DPI screens), as base64 PNG without the data: prefix. */
export async function pngBase64(svgText: string, width: number, height: number): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
