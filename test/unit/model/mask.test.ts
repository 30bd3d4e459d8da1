import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MASKED_PASSWORD as M, maskPassWords, maskPassword, wrapSecret } from '../../../server/src/model/mask';

describe('password masking', () => {
  test('maskPassword hides the value and its length unless shown', () => {
    assert.equal(maskPassword('a'), M);
    assert.equal(maskPassword('a-much-longer-password'), M);
    assert.equal(maskPassword('s3cret', true), 's3cret');
  });

  test('maskPassWords masks the word after each pass keyword in a value', () => {
    assert.equal(maskPassWords('inet vhid 1 pass abc alias 192.0.2.1/32'), `inet vhid 1 pass ${M} alias 192.0.2.1/32`);
    assert.equal(maskPassWords('inet vhid 3 pass a alias 192.0.2.10/32 inet vhid 4 pass b alias 192.0.2.11/32'), `inet vhid 3 pass ${M} alias 192.0.2.10/32 inet vhid 4 pass ${M} alias 192.0.2.11/32`);
    assert.equal(maskPassWords('pass\tabc'), `pass\t${M}`);
  });

  test('in quoted source the closing quote and backquote stay, the password goes', () => {
    assert.equal(maskPassWords('`ifconfig_carp1 = "vhid 2 pass lan-key"` runs'), `\`ifconfig_carp1 = "vhid 2 pass ${M}"\` runs`);
    assert.equal(maskPassWords('ifconfig_carp1="pass lan-key vhid 2"'), `ifconfig_carp1="pass ${M} vhid 2"`);
    assert.equal(maskPassWords("ifconfig_carp1='vhid 2 pass lan-key'"), `ifconfig_carp1='vhid 2 pass ${M}'`);
  });

  test('words that only contain "pass" and a pass with no word are left alone', () => {
    assert.equal(maskPassWords('passive mode bypass x'), 'passive mode bypass x');
    assert.equal(maskPassWords('inet vhid 1 pass'), 'inet vhid 1 pass');
  });

  test('shown on request, unchanged', () => {
    assert.equal(maskPassWords('vhid 1 pass abc', true), 'vhid 1 pass abc');
  });

  test('wrapSecret puts both forms in the same sentence', () => {
    assert.deepEqual(wrapSecret({ masked: 'x', revealed: 'y' }, (s) => `<${s}>`), { masked: '<x>', revealed: '<y>' });
  });
});
