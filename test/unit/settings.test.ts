import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, effectiveSeverity, parseSettings } from '../../server/src/settings';
import { ALL_CODES } from '../../server/src/checks/codes';
import { REPO_ROOT } from '../helpers/workspace';

describe('settings', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

  test('the manifest declares exactly the settings the server reads (run `npm run sync-manifest` if not)', () => {
    assert.deepEqual(manifest.contributes.configuration.properties, JSON.parse(JSON.stringify(SETTINGS_SCHEMA)));
  });

  test('every diagnostic code has a severity setting', () => {
    const props = manifest.contributes.configuration.properties['freebsdConf.severity'].properties;
    assert.deepEqual(Object.keys(props).sort(), [...ALL_CODES].sort());
  });

  test('parseSettings never throws and falls back to defaults', () => {
    for (const raw of [undefined, null, 42, 'x', [], { severity: 'x', maxFiles: -1, showPasswords: 'yes' }]) {
      assert.deepEqual(parseSettings(raw), DEFAULT_SETTINGS);
    }
  });

  test('severity overrides apply per code; unknown codes and values are ignored', () => {
    const s = parseSettings({ severity: { 'carp/missing-pass': 'error', 'rc/syntax': 'off', 'no/such': 'error', 'rc/unknown-variable': 'loud' } });
    assert.equal(effectiveSeverity('carp/missing-pass', s), 'error');
    assert.equal(effectiveSeverity('rc/syntax', s), undefined);
    assert.equal(effectiveSeverity('rc/unknown-variable', s), 'warning');
    assert.deepEqual(Object.keys(s.severity).sort(), ['carp/missing-pass', 'rc/syntax']);
  });
});
