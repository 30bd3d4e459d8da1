import { describe, test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli as run, tempDir, type CliRun } from '../helpers/cli';

const RC = 'pf_enable="maybe"\n';

/** Runs `check --settings s.json etc` in a folder holding an rc.conf with one error and the given settings file. */
function withSettings(t: TestContext, settings: string | undefined, args: string[] = []): CliRun {
  const dir = tempDir(t, { 'etc/rc.conf': RC, ...(settings === undefined ? {} : { 's.json': settings }) });
  return run(['check', ...args, '--settings', 's.json', 'etc'], dir);
}

/** The mistakes are reported and nothing is checked: no diagnostics, no summary, exit 2. */
function assertRejected(r: CliRun, ...messages: RegExp[]): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.doesNotMatch(r.stderr, /files? checked/);
  for (const m of messages) assert.match(r.stderr, m);
}

describe('--settings FILE is validated (the built CLI)', () => {
  test('a valid file applies and the check runs', (t) => {
    const r = withSettings(t, '{\n  // JSON with comments, as settings.json\n  "severity": {"rc/invalid-yes-no": "warning"},\n}\n');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /warning rc\/invalid-yes-no/);
  });

  test('an unknown code, with "did you mean", at its line and column', (t) => {
    assertRejected(
      withSettings(t, '{\n  "severity": {\n    "rc/invalid-yesno": "off"\n  }\n}\n'),
      /^freebsd-conf: s\.json:3:5: unknown diagnostic code "rc\/invalid-yesno" in severity; did you mean "rc\/invalid-yes-no"\?$/m,
    );
  });

  test('a severity that is not one of the five', (t) => {
    assertRejected(
      withSettings(t, '{"severity": {"rc/invalid-yes-no": "warn"}}'),
      /^freebsd-conf: s\.json:1:36: severity\["rc\/invalid-yes-no"\] must be one of error, warning, information, hint or off, not the string "warn"; did you mean "warning"\?$/m,
    );
  });

  test('a VS Code-style key', (t) => {
    assertRejected(withSettings(t, '{\n"freebsdConf.severity": {"rc/invalid-yes-no": "off"}\n}'), /^freebsd-conf: s\.json:2:1: "freebsdConf\.severity" is the VS Code name of this setting; in this file write "severity"/m);
  });

  test('an unknown key and a wrong type, each on its own line', (t) => {
    assertRejected(
      withSettings(t, '{\n  "showPassword": true,\n  "maxFiles": "10"\n}'),
      /^freebsd-conf: s\.json:2:3: unknown setting "showPassword"; did you mean "showPasswords"\?$/m,
      /^freebsd-conf: s\.json:3:15: maxFiles must be a number, not the string "10"$/m,
    );
  });

  test('bad JSON', (t) => {
    assertRejected(withSettings(t, '{\n  "maxFiles": 10\n  "showPasswords": true\n}'), /^freebsd-conf: s\.json:3:3: invalid JSON: expected ","$/m);
  });

  test('a missing file', (t) => {
    assertRejected(withSettings(t, undefined), /^freebsd-conf: s\.json: cannot read the settings file \(no such file\)$/m);
  });

  test('a directory given as the file', (t) => {
    const dir = tempDir(t, { 'etc/rc.conf': RC });
    assertRejected(run(['check', '--settings', path.join(dir, 'etc'), dir]), /cannot read the settings file \(is a directory\)/);
  });
});
