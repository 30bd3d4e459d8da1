import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MASKED_PASSWORD as M, maskPassword, maskQuotedMessage, maskSource, maskValue, mergeSpans, overlapsSpan, wrapSecret } from '../../../server/src/model/mask';

describe('password masking', () => {
  test('maskPassword hides the value and its length unless shown', () => {
    assert.equal(maskPassword('a'), M);
    assert.equal(maskPassword('a-much-longer-password'), M);
    assert.equal(maskPassword('s3cret', true), 's3cret');
  });

  test('mergeSpans sorts, joins overlapping and touching spans, and drops empty ones', () => {
    assert.deepEqual(mergeSpans([{ start: 10, end: 12 }, { start: 1, end: 3 }, { start: 3, end: 5 }, { start: 11, end: 15 }, { start: 7, end: 7 }]), [
      { start: 1, end: 5 },
      { start: 10, end: 15 },
    ]);
    assert.deepEqual(mergeSpans([]), []);
  });

  test('overlapsSpan is true only when a character is shared', () => {
    const spans = [{ start: 5, end: 8 }];
    assert.equal(overlapsSpan(spans, 7, 9), true);
    assert.equal(overlapsSpan(spans, 8, 9), false, 'end is exclusive');
    assert.equal(overlapsSpan(spans, 2, 5), false);
    assert.equal(overlapsSpan(spans, 0, 100), true);
  });

  test('maskSource replaces each span inside the piece of text, also one cut by either end', () => {
    // text starts at document offset 100: "pass 'a b' alias"
    const text = "pass 'a b' alias";
    assert.equal(maskSource(text, 100, [{ start: 105, end: 110 }]), `pass ${M} alias`);
    assert.equal(maskSource(text, 100, [{ start: 90, end: 102 }]), `${M}ss 'a b' alias`);
    assert.equal(maskSource(text, 100, [{ start: 111, end: 200 }]), `pass 'a b' ${M}`);
    assert.equal(maskSource(text, 100, [{ start: 0, end: 50 }, { start: 300, end: 400 }]), text, 'spans outside leave it alone');
    assert.equal(maskSource(text, 100, [{ start: 100, end: 101 }, { start: 105, end: 110 }]), `${M}ass ${M} alias`);
  });

  test('maskValue masks each run of value characters whose source offset is secret, with one mask per run', () => {
    // The value `pass a b x` with `a b` from document offsets 20-22 (say, inside quotes that are gone from the value).
    const value = 'pass a b x';
    const offsets = [10, 11, 12, 13, 14, 20, 21, 22, 30, 31, 32];
    assert.equal(maskValue(value, offsets, [{ start: 19, end: 23 }]), `pass ${M} x`);
    assert.equal(maskValue(value, offsets, []), value);
    assert.equal(maskValue(value, offsets, [{ start: 10, end: 11 }, { start: 31, end: 32 }]), `${M}ass a b ${M}`);
  });

  test('maskQuotedMessage masks inside the marked quotes only, wherever they are in the message', () => {
    // The document: `k = "pass s3 x"` at offset 50; the message quotes it twice.
    const msg = '`k = "pass s3 x"` runs k; write k="pass s3 x" instead. pass s3 is not a quote.';
    const quotes = [
      { at: 1, start: 50, end: 65 },
      { at: 34, start: 54, end: 65 },
    ];
    const spans = [{ start: 60, end: 62 }];
    assert.equal(maskQuotedMessage(msg, quotes, spans), `\`k = "pass ${M} x"\` runs k; write k="pass ${M} x" instead. pass s3 is not a quote.`);
    assert.equal(maskQuotedMessage(msg, quotes, []), msg);
  });

  test('wrapSecret puts both forms in the same sentence', () => {
    assert.deepEqual(wrapSecret({ masked: 'x', revealed: 'y' }, (s) => `<${s}>`), { masked: '<x>', revealed: '<y>' });
  });
});
