import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CODES } from '../../../server/src/checks/codes';
import { findingsOf, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

describe('pf/analysis-limit', () => {
  test('a rule expanding past the cap is information about this analyser, not a pfctl error', () => {
    const hosts = Array.from({ length: 400 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(' ');
    const rule = `pass from { ${hosts} } to { ${hosts} }`;
    const t = workspaceFromFiles({
      'fw1/etc/pf.conf': `# generated from the address plan\next_if = "em0"\n${rule}\npass out on $ext_if keep state\n`,
      'fw2/etc/pf.conf': 'ext_if = "em0"\npass out on $ext_if keep state\n',
    });
    const [f] = findingsOf(t, 'fw1/etc/pf.conf', 'pf/analysis-limit', 1);
    assert.deepEqual(rangeOf(f), [2, 0, 2, rule.length]);
    assert.match(f.message, /^Not analysed further \(a limit of this analyser, not a pfctl error\): this rule expands into 160000 rules/);
    assert.equal(f.fixes, undefined);
    findingsOf(t, 'fw1/etc/pf.conf', 'pf/syntax', 0);
    findingsOf(t, 'fw2/etc/pf.conf', 'pf/analysis-limit', 0);
    assert.equal(CODES['pf/analysis-limit'].severity, 'information');
  });

  test('a macro doubling itself on every line reaches the expansion budget at a $use', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': `a = "x y"\n${'a = $a $a\n'.repeat(60)}pass from { $a }\n` });
    const found = findingsOf(t, 'h/etc/pf.conf', 'pf/analysis-limit');
    // The value passes 64 KB on line 16 (65,536 words, 131,071 characters): reported over `$a $a`.
    const tooLong = found.find((f) => /characters long after expansion/.test(f.message));
    assert.deepEqual(tooLong && rangeOf(tooLong), [15, 4, 15, 9]);
    // The re-read budget runs out at the second `$a` of line 45, reported at that use.
    const budget = found.find((f) => /macro expansion limit reached/.test(f.message));
    assert.deepEqual(budget && rangeOf(budget), [44, 7, 44, 9]);
    findingsOf(t, 'h/etc/pf.conf', 'pf/syntax', 0);
  });
});
