import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeSections, ruleHelpFromReadme } from '../../../server/src/cli/readme-sections';
import { markdownToText } from '../../../server/src/cli/rule-help';
import { ALL_CODES } from '../../../server/src/checks/codes';
import { REPO_ROOT } from '../../helpers/workspace';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

describe('rule help from the README', () => {
  test('every code in codes.ts has a README section with its explanation and an example', () => {
    const sections = codeSections(README);
    for (const code of ALL_CODES) {
      const body = sections.get(code);
      assert.ok(body, `README.md has no "### \`${code}\`" section under "## Diagnostic codes"`);
      assert.match(body, /^\*[a-z]+/, `${code}: the section starts with its severity`);
      assert.match(body, /```[a-z]*\n[^]*\n```/, `${code}: the section holds an example`);
    }
  });

  test('the README documents no code that codes.ts does not have', () => {
    assert.deepEqual([...codeSections(README).keys()].sort(), [...ALL_CODES].sort());
  });

  test('a section ends at the next heading, but not at a "##" inside an example', () => {
    const md = [
      '## Intro',
      '### `a/not-here`',
      'outside the codes section',
      '## Diagnostic codes',
      'preamble',
      '### `a/one`',
      'First.',
      '```sh',
      '## not a heading',
      '### `a/fake` neither',
      '```',
      'Still one.',
      '### `a/two`',
      'Second.',
      '### Not a code',
      'dropped',
      '## Next chapter',
      'not part of a/two',
    ].join('\n');
    const s = codeSections(md);
    assert.deepEqual([...s.keys()], ['a/one', 'a/two']);
    assert.equal(s.get('a/one'), 'First.\n```sh\n## not a heading\n### `a/fake` neither\n```\nStill one.');
    assert.equal(s.get('a/two'), 'Second.');
  });

  test('a code without a section, or with an empty one, fails loudly (the build stops)', () => {
    const md = '## Diagnostic codes\n### `a/one`\nText.\n### `a/empty`\n\n## End\n';
    assert.deepEqual(ruleHelpFromReadme(md, ['a/one']), { 'a/one': 'Text.' });
    assert.throws(() => ruleHelpFromReadme(md, ['a/one', 'a/empty', 'a/none']), /for: a\/empty, a\/none$/);
  });
});

describe('markdownToText', () => {
  test('drops emphasis, code ticks and link targets, keeps example lines indented', () => {
    const md = '*warning.* A `*_load` value; see [the docs](#x). Fix: *Set to\nYES*.\n\n```sh\npf_load="1"   # *wrong*\n```';
    assert.equal(markdownToText(md), 'warning. A *_load value; see the docs. Fix: Set to\nYES.\n\n    pf_load="1"   # *wrong*');
  });

  test('a code span that continues on the next line stays one span', () => {
    assert.equal(markdownToText('(`translation rule\nrequires *x*`, …)'), '(translation rule\nrequires *x*, …)');
  });

  test('every README section becomes text without markdown marks outside the examples', () => {
    for (const [code, body] of codeSections(README)) {
      const prose = markdownToText(body).split('\n').filter((l) => !l.startsWith('    '));
      assert.ok(!prose.some((l) => /```|\]\(/.test(l)), code);
    }
  });
});
