/**
 * Each code's README section, embedded in the bundle by scripts/build.mjs
 * (esbuild `define`). Undefined when this module runs unbundled, as in the
 * unit tests' tsc output: SARIF rules then go without help.
 */
declare const __FREEBSD_CONF_RULE_HELP__: Record<string, string> | undefined;

/** The embedded help markdown per code (empty when not bundled). */
export function embeddedRuleHelp(): Readonly<Record<string, string>> {
  return typeof __FREEBSD_CONF_RULE_HELP__ === 'undefined' ? {} : __FREEBSD_CONF_RULE_HELP__;
}

/**
 * Plain text for SARIF's `help.text`, which viewers without markdown show:
 * the README section without emphasis, inline-code ticks, links' targets and
 * code fences (the example lines themselves are kept, indented). Prose is
 * handled a paragraph run at a time, since a code span or an emphasis may
 * continue on the next line.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  let inFence = false;
  const flush = (): void => {
    if (prose.length > 0) out.push(plainProse(prose.join('\n')));
    prose = [];
  };
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
    } else if (inFence) {
      out.push(`    ${line}`);
    } else {
      prose.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** Odd parts of the split are code spans: their text is kept as written, `*` and all. */
function plainProse(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part.slice(1, -1)
        : part.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/(\*\*|\*)([^*\s](?:[^*]*[^*\s])?)\1/g, '$2'),
    )
    .join('');
}
