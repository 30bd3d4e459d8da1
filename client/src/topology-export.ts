import type { ExportImageFormat, ExportTextFormat } from './diagram-model';

/**
 * What the host writes for an export the webview asked for. The webview is
 * not trusted further than its own page: what it sends is checked to be
 * what it claims (an SVG document, a PNG image) and bounded in size before
 * it reaches the disk. Pure, for the unit tests.
 */

/** Larger exports are refused: a 1,000-node diagram is a few MB. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bytes to write, or a reason to refuse. */
export function imageBytes(format: ExportImageFormat, data: unknown): Uint8Array | { refused: string } {
  if (typeof data !== 'string') return { refused: 'no data' };
  if (format === 'svg') {
    if (!/^(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(data)) return { refused: 'not an SVG document' };
    const bytes = new TextEncoder().encode(data);
    return bytes.length > MAX_EXPORT_BYTES ? { refused: 'too large' } : bytes;
  }
  if (data.length > (MAX_EXPORT_BYTES / 3) * 4 + 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return { refused: 'not base64' };
  const bytes = Uint8Array.from(Buffer.from(data, 'base64'));
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b) ? bytes : { refused: 'not a PNG image' };
}

/** The save dialog's file type and the default file name of each export. */
export const EXPORT_FILES: Record<ExportImageFormat | ExportTextFormat, { label: string; extension: string }> = {
  svg: { label: 'SVG image', extension: 'svg' },
  png: { label: 'PNG image', extension: 'png' },
  mermaid: { label: 'Mermaid diagram', extension: 'mmd' },
  dot: { label: 'Graphviz DOT', extension: 'dot' },
};
