/**
 * Cuts each diagnostic code's section out of README.md, so that SARIF's
 * `rules[].help` is the README's own text. `scripts/build.mjs` runs this at
 * build time and embeds the result in the CLI bundle: the help a code-scanning
 * alert shows cannot drift from the README, and needs no README at run time.
 */

const CODES_HEADING = '## Diagnostic codes';

/**
 * The body of every "### `code`" section under "## Diagnostic codes" (the
 * heading itself left out), keyed by code, trimmed. Fenced code blocks are
 * skipped while looking for headings, so a `## ` inside an example does not
 * end a section.
 */
export function codeSections(readme: string): Map<string, string> {
  const sections = new Map<string, string>();
  const lines = readme.split(/\r?\n/);
  let inCodes = false;
  let inFence = false;
  let current: { code: string; body: string[] } | undefined;
  const close = (): void => {
    if (current) sections.set(current.code, current.body.join('\n').trim());
    current = undefined;
  };
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && /^##\s/.test(line)) {
      close();
      inCodes = line.trim() === CODES_HEADING;
      continue;
    }
    if (!inCodes) continue;
    const heading = inFence ? null : /^###\s+`([^`]+)`\s*$/.exec(line);
    if (heading) {
      close();
      current = { code: heading[1], body: [] };
    } else if (!inFence && /^###\s/.test(line)) {
      close();
    } else {
      current?.body.push(line);
    }
  }
  close();
  return sections;
}

/**
 * The help markdown of each code. Throws, naming every code concerned, when a
 * code has no section or an empty one: the build should fail then, rather than
 * ship a rule without documentation.
 */
export function ruleHelpFromReadme(readme: string, codes: readonly string[]): Record<string, string> {
  const sections = codeSections(readme);
  const missing = codes.filter((c) => !sections.get(c));
  if (missing.length > 0) throw new Error(`README.md has no (or an empty) "### \`code\`" section under "${CODES_HEADING}" for: ${missing.join(', ')}`);
  return Object.fromEntries(codes.map((c) => [c, sections.get(c) as string]));
}
