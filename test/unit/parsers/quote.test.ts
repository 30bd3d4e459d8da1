import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_QUOTED_LENGTH, quoteSource } from '../../../server/src/parsers/quote';
import { parsePfConf } from '../../../server/src/parsers/pf';

describe('quoted source in messages is cut short', () => {
  test('both sides of the limit', () => {
    const at = 'a'.repeat(MAX_QUOTED_LENGTH);
    assert.equal(quoteSource(at), `'${at}'`);
    assert.equal(quoteSource(`${at}b`), `'${'a'.repeat(MAX_QUOTED_LENGTH - 1)}…'`);
    assert.equal(quoteSource('x', '"'), '"x"');
  });

  test('characters, not UTF-16 units: a surrogate pair is never cut in half', () => {
    const emoji = '😀'.repeat(MAX_QUOTED_LENGTH + 5);
    const shown = quoteSource(emoji);
    assert.equal(Array.from(shown).length, MAX_QUOTED_LENGTH + 2);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(shown));
  });

  test('a pf syntax error on a line of /etc/passwd quotes no more than the limit', () => {
    const line = 'root:x:0:0:Charlie Root:/root:/bin/csh-and-a-long-tail-to-be-sure';
    const file = parsePfConf(`${line}\n`);
    assert.ok(file.errors.length > 0);
    for (const e of file.errors) assert.ok(!e.message.includes(line.slice(0, MAX_QUOTED_LENGTH + 1)), e.message);
  });
});
