import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import { runCli as run } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/workspace';
import { ALL_CODES } from '../../server/src/checks/codes';

// The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it; it is draft-04,
// and one of its patterns is not valid in unicode mode.
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
const validate = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true }).compile(SCHEMA);
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string };

function schemaErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('--format sarif (the built CLI)', () => {
  const examples = run(['check', '--format', 'sarif', 'examples/']);
  const log = JSON.parse(examples.stdout) as Log;
  const driver = log.runs[0].tool.driver;

  test('the output for examples/ is valid SARIF 2.1.0 by the schema', () => {
    assert.equal(examples.code, 1, examples.stderr);
    assert.ok(log.runs[0].results!.length > 0);
    assert.deepEqual(schemaErrors(log), []);
  });

  test('the validator does catch a broken document (a level SARIF does not have, a result without message)', () => {
    const broken = structuredClone(log);
    broken.runs[0].results![0].level = 'fatal' as never;
    delete (broken.runs[0].results![1] as { message?: unknown }).message;
    const errors = schemaErrors(broken);
    assert.ok(errors.some((e) => e.startsWith('/runs/0/results/0/level')), errors.join('\n'));
    assert.ok(errors.some((e) => e.startsWith('/runs/0/results/1')), errors.join('\n'));
  });

  test('every rule carries its README section as help, text and markdown', () => {
    assert.deepEqual(driver.rules!.map((r) => r.id).sort(), [...ALL_CODES].sort());
    for (const rule of driver.rules!) {
      const help = rule.help!;
      assert.ok(help?.text.trim() && help.markdown?.trim(), `${rule.id} has no help`);
      const heading = `### \`${rule.id}\`\n`;
      assert.ok(README.includes(`${heading}${help.markdown}\n`), `${rule.id}: the help is not the README section verbatim`);
      assert.match(help.markdown!, /```/, `${rule.id}: the help holds the example`);
      assert.doesNotMatch(help.text, /```/);
    }
  });

  test('no link to a file on the machine that ran the check; no helpUri while package.json has no homepage', () => {
    assert.doesNotMatch(examples.stdout, /file:\/\//);
    assert.equal(pkg.homepage, undefined, 'package.json gained a homepage: test that helpUri points to it instead');
    assert.equal(driver.informationUri, undefined);
    assert.ok(driver.rules!.every((r) => r.helpUri === undefined));
  });

  test('the version is the package version', () => {
    assert.equal(driver.version, pkg.version);
  });

  test('a PATH that could not be checked: the run is unsuccessful, with a notification, and still valid SARIF', () => {
    const r = run(['check', '--format', 'sarif', '/nope', 'examples/fw1']);
    assert.equal(r.code, 2);
    const bad = JSON.parse(r.stdout) as Log;
    assert.deepEqual(schemaErrors(bad), []);
    assert.equal(bad.runs[0].invocations![0].executionSuccessful, false);
    assert.equal(bad.runs[0].invocations![0].toolExecutionNotifications![0].message.text, '/nope: no such file or directory');
    assert.ok(bad.runs[0].results!.length > 0, 'examples/fw1 was still checked');
    assert.equal(log.runs[0].invocations![0].executionSuccessful, true);
  });
});
