import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const codes = (text: string): string[] => {
  const t = workspaceFromFiles({ 'h/etc/pf.conf': text });
  return findingsOf(t, 'h/etc/pf.conf', 'pf/statement-order').map((f) => `${f.range.start.line}: ${f.message.split(' — ')[1]}`);
};

describe('pf/statement-order', () => {
  test('nat and set appended after the filter rules on fw1 are rejected like pfctl does', () => {
    const t = loadFixture('pf-order');
    const found = findingsOf(t, 'fw1/etc/pf.conf', 'pf/statement-order', 2);
    assert.deepEqual(found.map(rangeOf), [[13, 0, 13, 3], [14, 0, 14, 3]]);
    assert.equal(
      found[0].message,
      'Rules must be in order: options, ethernet, normalization, queueing, translation, filtering — this translation (nat/rdr/binat) rule comes after the filter rule on line 11, so pfctl refuses the file. Move it above, or add "set require-order no" before it.',
    );
    assert.deepEqual(found[0].related?.map((r) => [r.range.start.line, r.message]), [[10, 'the filter rule it must come before']]);
    assert.match(found[1].message, /this option comes after the filter rule on line 11/);
  });

  test('"set require-order no" on fw2 allows the same layout', () => {
    const t = loadFixture('pf-order');
    findingsOf(t, 'fw2/etc/pf.conf', 'pf/statement-order', 0);
  });

  test('the setting in effect when a statement is read counts, and with the check off the state follows each statement', () => {
    const text = 'set require-order no\npass all\nnat on em0 from any to any -> (em0)\nset require-order yes\nscrub in all\n';
    assert.deepEqual(codes(text), ['4: this normalization (scrub) rule comes after the translation (nat/rdr/binat) rule on line 3, so pfctl refuses the file. Move it above, or add "set require-order no" before it.']);
  });

  test('each class is placed: ether, queueing, anchors; an error does not move the state', () => {
    const text = [
      'ether pass in on bridge0',
      'altq on em0 cbq bandwidth 10Mb queue { std }',
      'queue std bandwidth 100% cbq(default)',
      'pass out all',
      'ether pass out on bridge0',
      'rdr-anchor "relayd/*"',
      'no scrub in on em1 all',
      'anchor "ftp-proxy/*"',
      '',
    ].join('\n');
    assert.deepEqual(
      codes(text).map((c) => c.replace(/ rule comes after the (.*) on line (\d+).*/, ' after $1 $2')),
      ['4: this ethernet after filter rule 4', '5: this translation (nat/rdr/binat) after filter rule 4', '6: this normalization (scrub) after filter rule 4'],
    );
  });

  test('no false alarm: pfctl order, statements outside the order, match with nat-to between pass rules, anchor bodies', () => {
    const text = [
      'ext_if = "em0"',
      'set limit states 100000',
      'table <t> persist',
      'scrub in all',
      'nat on $ext_if from 10.0.0.0/8 -> ($ext_if)',
      'pass in all',
      'set skip on lo0',
      'table <late> persist',
      'match out on $ext_if from 10.0.0.0/8 nat-to ($ext_if)',
      'pass out all',
      'anchor "x" {',
      '  pass in quick on lo0 all',
      '}',
      'load anchor "x" from "/etc/pf.x"',
      '',
    ].join('\n');
    assert.deepEqual(codes(text), []);
  });
});
