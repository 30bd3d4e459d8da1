import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser';
import { MANIFEST_SCHEMA } from '../../../server/src/model/manifest-schema';
import { parseManifest } from '../../../server/src/model/manifest-parse';
import { ALL_CODES } from '../../../server/src/checks/codes';
import { REPO_ROOT } from '../../helpers/workspace';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { jsonValidation?: { fileMatch: string; url: string }[] };
};

/** The README's example manifest: the jsonc block of "Describing the cluster". */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Describing the cluster: freebsd-conf.json'));
  const m = /```jsonc\n([\s\S]*?)```/.exec(section);
  assert.ok(m, 'the README section has a jsonc example');
  return m[1];
}

describe('the freebsd-conf.json schema VS Code validates against', () => {
  test('schemas/freebsd-conf.schema.json is MANIFEST_SCHEMA (run npm run sync-manifest after adding codes)', () => {
    const file = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'freebsd-conf.schema.json'), 'utf8'));
    assert.deepEqual(file, JSON.parse(JSON.stringify(MANIFEST_SCHEMA)));
  });

  test('package.json hands it to VS Code for freebsd-conf.json, and the .vsix ships it', () => {
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: 'freebsd-conf.json', url: './schemas/freebsd-conf.schema.json' }]);
    const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!schemas/**'), '.vscodeignore keeps schemas/');
  });

  test('severity knows every diagnostic code, as the setting does', () => {
    assert.deepEqual(Object.keys((MANIFEST_SCHEMA.properties.severity as { properties?: object }).properties ?? {}).sort(), [...ALL_CODES].sort());
  });

  test('the README example is valid for the schema and for the parser alike', () => {
    const example = readmeExample();
    const validate = new Ajv({ strict: false }).compile(MANIFEST_SCHEMA);
    assert.ok(validate(parseJsonc(example)), JSON.stringify(validate.errors));
    assert.deepEqual(parseManifest(example).problems, []);
  });

  test('what the schema refuses, the parser reports too', () => {
    const validate = new Ajv({ strict: false }).compile(MANIFEST_SCHEMA);
    for (const bad of [
      '{"nodez": {}}',
      '{"nodes": {"fw 1": "a"}}',
      '{"nodes": {"fw1": {"folder": "a", "x": 1}}}',
      '{"nodes": {"fw1": {"files": {"rcconf": "a"}}}}',
      '{"clusters": {"c": {"nodes": ["a"]}}}',
      '{"clusters": {"c": {"primary": "a"}}}',
      '{"reservedVhids": [{"segment": "10.0.0.0/8", "vhids": [256]}]}',
      '{"reservedVhids": [{"vhids": [1]}]}',
      '{"severity": {"rc/syntax": "loud"}}',
      '{"severity": {"rc/sytax": "off"}}',
    ]) {
      assert.equal(validate(JSON.parse(bad)), false, `schema accepts ${bad}`);
      assert.notDeepEqual(parseManifest(bad).problems, [], `parser accepts ${bad}`);
    }
  });
});
