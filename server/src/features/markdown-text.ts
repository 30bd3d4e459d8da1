/**
 * Inline Markdown code that holds any text, backquotes included: the fence
 * is one backquote longer than the longest run inside, padded when needed
 * (CommonMark code spans). Text from the configs (node names from folder
 * names or freebsd-conf.json, interface names) goes into hovers this way, so
 * it can never turn into a link, emphasis or HTML.
 */
export function inlineCode(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = fence.length > 1 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
